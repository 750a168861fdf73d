// Console-like provisioning: corps, staff, apps, callback settings, customer groups, and the
// credentials listing a service needs to talk to the sandbox.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxDeps } from '../deps.ts';
import { CLIENT_CERT_HEADER } from '../pay/plugin.ts';
import { addAgent, addStaff, createCorp, setCallback } from '../store/provision.ts';
import { createGroup } from '../wecom/groups.ts';
import { ApiError, apiRoute, parse, requireCorp, requireStaffId } from './http.ts';
import { agentSchema, callbackSchema, corpSchema, groupCreateSchema, staffPatchSchema, staffSchema } from './schemas.ts';
import { oaCredentialsView } from './oa-views.ts';
import { appsView, corpView, groupView, qrView, staffView } from './views.ts';

export function registerProvisioning(fastify: FastifyInstance, deps: SandboxDeps): void {
  const { store } = deps;
  const corpOf = (req: { params: unknown }) => requireCorp(deps, (req.params as { corpid: string }).corpid);

  apiRoute(fastify, deps, 'GET', '/credentials', () => ({
    wecom: {
      baseUrl: `${store.publicUrl()}/wecom`,
      corps: Object.values(store.data.corps).map((c) => ({ corpid: c.corpid, name: c.name, apps: appsView(c), callback: c.callback })),
    },
    oa: {
      baseUrl: `${store.publicUrl()}/oa`,
      mpBaseUrl: `${store.publicUrl()}/mp`,
      openBaseUrl: `${store.publicUrl()}/open`,
      accounts: Object.values(store.data.oas).map(oaCredentialsView),
    },
    pay: {
      baseUrl: `${store.publicUrl()}/pay`,
      clientCertHeader: CLIENT_CERT_HEADER,
      merchants: Object.values(store.data.merchants).map((m) => ({ mchId: m.mchId, name: m.name, key: m.key, appids: m.appids, balance: m.balance })),
    },
    phone: `${store.publicUrl()}/phone`,
  }));

  apiRoute(fastify, deps, 'GET', '/corps', () => ({ corps: Object.values(store.data.corps).map((c) => corpView(deps, c)) }));

  apiRoute(fastify, deps, 'POST', '/corps', (req, reply) => {
    const corp = createCorp(store, parse(corpSchema, req.body) as Parameters<typeof createCorp>[1]);
    return reply.code(201).send(corpView(deps, corp));
  });

  apiRoute(fastify, deps, 'GET', '/corps/:corpid', (req) => corpView(deps, corpOf(req)));

  apiRoute(fastify, deps, 'POST', '/corps/:corpid/staff', (req, reply) => {
    const staff = addStaff(corpOf(req), parse(staffSchema, req.body) as Parameters<typeof addStaff>[1]);
    return reply.code(201).send(staffView(deps, staff));
  });

  apiRoute(fastify, deps, 'PATCH', '/corps/:corpid/staff/:userid', (req) => {
    const corp = corpOf(req);
    const staff = corp.staff[requireStaffId(corp, (req.params as { userid: string }).userid)];
    Object.assign(staff as object, parse(staffPatchSchema, req.body));
    return staffView(deps, staff as NonNullable<typeof staff>);
  });

  apiRoute(fastify, deps, 'POST', '/corps/:corpid/agents', (req, reply) => {
    const corp = corpOf(req);
    addAgent(corp, parse(agentSchema, req.body) as Parameters<typeof addAgent>[1]);
    return reply.code(201).send({ apps: appsView(corp) });
  });

  apiRoute(fastify, deps, 'PUT', '/corps/:corpid/callback', async (req) => {
    const corp = corpOf(req);
    const { verify, ...input } = parse(callbackSchema, req.body);
    const previous = corp.callback;
    const next = setCallback(corp, input as Parameters<typeof setCallback>[1]);
    if (verify) {
      const check = await deps.dispatcher.verifyUrl(corp.corpid, next);
      if (!check.ok) {
        corp.callback = previous;
        throw new ApiError(409, 'conflict', `callback URL verification failed: ${check.error ?? `HTTP ${check.status}, body ${JSON.stringify(check.body)}`}`);
      }
    }
    return { callback: corp.callback };
  });

  apiRoute(fastify, deps, 'POST', '/corps/:corpid/callback/verify', async (req) => {
    const corp = corpOf(req);
    return deps.dispatcher.verifyUrl(corp.corpid, corp.callback);
  });

  apiRoute(fastify, deps, 'GET', '/corps/:corpid/groups', (req) => ({ groups: Object.values(corpOf(req).groups).map(groupView) }));

  apiRoute(fastify, deps, 'POST', '/corps/:corpid/groups', async (req, reply) => {
    const corp = corpOf(req);
    const input = parse(groupCreateSchema, req.body);
    for (const u of [input.owner, ...(input.staff ?? [])]) requireStaffId(corp, u);
    const { group, delivery } = createGroup(deps, corp, input, input.faults);
    if (input.wait) await deps.dispatcher.idle();
    return reply.code(201).send({ group: groupView(group), deliveries: [delivery] });
  });

  apiRoute(fastify, deps, 'GET', '/corps/:corpid/contact-ways', (req) => ({
    contactWays: Object.values(corpOf(req).contactWays).map((w) => ({ ...w, ...qrView(deps, w.qrKey) })),
  }));

  apiRoute(fastify, deps, 'GET', '/corps/:corpid/join-ways', (req) => ({
    joinWays: Object.values(corpOf(req).joinWays).map((w) => ({ ...w, ...qrView(deps, w.qrKey) })),
  }));

  apiRoute(fastify, deps, 'GET', '/corps/:corpid/mass-sends', (req) => ({ massSends: Object.values(corpOf(req).massSends) }));

  const messagesQuery = z.object({ to: z.string().optional(), from: z.string().optional(), kind: z.string().optional(), limit: z.coerce.number().int().min(1).max(1000).optional() });
  apiRoute(fastify, deps, 'GET', '/corps/:corpid/messages', (req) => {
    const q = parse(messagesQuery, req.query);
    const rows = corpOf(req).messages.filter((m) => (!q.to || m.to === q.to) && (!q.from || m.from === q.from) && (!q.kind || m.kind === q.kind));
    return { messages: rows.slice(-(q.limit ?? 100)) };
  });
}
