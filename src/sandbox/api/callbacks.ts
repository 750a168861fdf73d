// Test hooks around WeChat's side effects: the callback delivery log and fault injection, the
// sandbox clock, and early token revocation.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FaultRates } from '../callbacks/faults.ts';
import type { SandboxDeps } from '../deps.ts';
import { ApiError, apiRoute, parse } from './http.ts';
import { faultRatesSchema } from './schemas.ts';

export function registerCallbackHooks(fastify: FastifyInstance, deps: SandboxDeps): void {
  const { store, dispatcher } = deps;

  const listQuery = z.object({
    corpid: z.string().optional(),
    appid: z.string().optional(),
    status: z.enum(['queued', 'held', 'sending', 'delivered', 'failed', 'dropped', 'no_url']).optional(),
    kind: z.string().optional(),
    after: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(2000).optional(),
  });
  apiRoute(fastify, deps, 'GET', '/deliveries', (req) => ({ deliveries: dispatcher.list(parse(listQuery, req.query)) }));

  apiRoute(fastify, deps, 'GET', '/deliveries/:id', (req) => {
    const d = dispatcher.get((req.params as { id: string }).id);
    if (!d) throw new ApiError(404, 'not_found', 'delivery not found');
    return d;
  });

  apiRoute(fastify, deps, 'POST', '/deliveries/flush', async () => {
    await dispatcher.idle();
    return { held: dispatcher.list({ status: 'held' }).length };
  });

  apiRoute(fastify, deps, 'POST', '/deliveries/release', async (req) => {
    const { ids, wait } = parse(z.object({ ids: z.array(z.string()).optional(), wait: z.boolean().optional() }).strict(), req.body);
    const released = dispatcher.release(ids);
    if (wait) await dispatcher.idle();
    return { released: released.map((d) => d.id) };
  });

  apiRoute(fastify, deps, 'GET', '/callback-faults', () => dispatcher.faultRates());
  apiRoute(fastify, deps, 'PUT', '/callback-faults', (req) => {
    dispatcher.setFaultRates(parse(faultRatesSchema, req.body) as FaultRates);
    return dispatcher.faultRates();
  });

  apiRoute(fastify, deps, 'GET', '/clock', () => ({ now: new Date(store.clock.now()).toISOString(), nowSec: store.nowSec(), offsetMs: store.clock.offset() }));
  apiRoute(fastify, deps, 'POST', '/clock/advance', (req) => {
    const { seconds } = parse(z.object({ seconds: z.number().positive().max(400 * 86400) }).strict(), req.body);
    store.advanceClock(seconds * 1000);
    return { now: new Date(store.clock.now()).toISOString(), nowSec: store.nowSec(), offsetMs: store.clock.offset() };
  });

  const revoke = z
    .object({
      access_token: z.string().optional(),
      corpid: z.string().optional(),
      appid: z.string().optional(),
      errcode: z.union([z.literal(40014), z.literal(42001), z.literal(40001)]).optional(),
    })
    .strict()
    .refine((v) => v.access_token || v.corpid || v.appid, { message: 'give access_token, corpid or appid', path: ['access_token'] });
  apiRoute(fastify, deps, 'POST', '/tokens/invalidate', (req) => {
    const input = parse(revoke, req.body);
    let count = 0;
    const hit = (token: string, owner: { corpid?: string; appid?: string }, rec: { revoked?: 40014 | 42001 | 40001 }) => {
      if ((input.access_token && token === input.access_token) || (input.corpid && owner.corpid === input.corpid) || (input.appid && owner.appid === input.appid)) {
        rec.revoked = input.errcode ?? 40014;
        count++;
      }
    };
    for (const [token, rec] of Object.entries(store.data.tokens)) hit(token, { corpid: rec.corpid }, rec);
    for (const [token, rec] of Object.entries(store.data.oaTokens)) hit(token, { appid: rec.appid }, rec);
    return { invalidated: count };
  });
}
