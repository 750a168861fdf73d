// WeChat Pay merchants through the sandbox API: provisioning, topping up the red-packet balance,
// queuing injected sendredpack answers, and the packets sent.
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import { settleMerchant } from '../pay/settle.ts';
import { createMerchant, topUp } from '../store/pay-provision.ts';
import type { MerchantInput } from '../store/pay-provision.ts';
import { apiRoute, parse, requireMerchant } from './http.ts';
import { injectSchema, merchantSchema, topUpSchema } from './oa-pay-schemas.ts';
import { merchantView } from './oa-views.ts';

export function registerMerchants(fastify: FastifyInstance, deps: SandboxDeps): void {
  const { store } = deps;
  const merchantOf = (req: { params: unknown }) => {
    const m = requireMerchant(deps, (req.params as { mchId: string }).mchId);
    settleMerchant(deps, m);
    return m;
  };

  apiRoute(fastify, deps, 'GET', '/merchants', () => ({ merchants: Object.values(store.data.merchants).map((m) => merchantView(m, 0)) }));
  apiRoute(fastify, deps, 'POST', '/merchants', (req, reply) => reply.code(201).send(merchantView(createMerchant(store, parse(merchantSchema, req.body) as MerchantInput))));
  apiRoute(fastify, deps, 'GET', '/merchants/:mchId', (req) => merchantView(merchantOf(req)));

  apiRoute(fastify, deps, 'POST', '/merchants/:mchId/top-up', (req) => {
    const m = merchantOf(req);
    topUp(m, parse(topUpSchema, req.body).amount);
    return { balance: m.balance };
  });

  apiRoute(fastify, deps, 'POST', '/merchants/:mchId/inject', (req) => {
    const m = merchantOf(req);
    const i = parse(injectSchema, req.body);
    // PROCESSING always means accepted; SYSTEMERROR defaults to "sent anyway", the case clients get wrong.
    m.injections.push({ errCode: i.err_code, times: i.times ?? 1, sent: i.err_code === 'PROCESSING' || (i.sent ?? i.err_code === 'SYSTEMERROR') });
    return { injections: m.injections };
  });
  apiRoute(fastify, deps, 'DELETE', '/merchants/:mchId/inject', (req) => {
    merchantOf(req).injections = [];
    return { injections: [] };
  });
}
