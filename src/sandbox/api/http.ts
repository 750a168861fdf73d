// The sandbox API's edge: zod-checked input, one error shape
// `{ error: { code, message, fields? } }` like the service's own API.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { DeliveryFaults } from '../callbacks/faults.ts';
import type { SandboxDeps } from '../deps.ts';
import { ProvisionError } from '../store/provision.ts';
import type { Corp, Person } from '../store/model.ts';
import type { OfficialAccount } from '../store/oa-model.ts';
import type { Merchant } from '../store/pay-model.ts';
import { ActionError } from '../wecom/contact-actions.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: { path: string; message: string }[] | undefined;
  constructor(status: number, code: string, message: string, fields?: { path: string; message: string }[]) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const fields = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new ApiError(400, 'validation_failed', `invalid input: ${fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('; ')}`, fields);
}

export function sendApiError(req: FastifyRequest, reply: FastifyReply, e: unknown): FastifyReply {
  if (e instanceof ApiError) return reply.code(e.status).send({ error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) } });
  if (e instanceof ProvisionError) return reply.code(400).send({ error: { code: 'validation_failed', message: e.message, fields: [{ path: e.field, message: e.message }] } });
  if (e instanceof ActionError) {
    const code = e.status === 404 ? 'not_found' : e.status === 409 ? 'conflict' : e.status === 403 ? 'forbidden' : 'bad_request';
    return reply.code(e.status).send({ error: { code, message: e.message, ...(e.field ? { fields: [{ path: e.field, message: e.message }] } : {}) } });
  }
  if (e instanceof RangeError) return reply.code(400).send({ error: { code: 'bad_request', message: e.message } });
  req.log.error({ err: e }, 'sandbox api failed');
  return reply.code(500).send({ error: { code: 'internal', message: 'internal error' } });
}

export function requireCorp(deps: SandboxDeps, corpid: string | undefined): Corp {
  const corp = corpid ? deps.store.data.corps[corpid] : undefined;
  if (!corp) throw new ApiError(404, 'not_found', `corp ${corpid ?? ''} not found`);
  return corp;
}

export function requirePerson(deps: SandboxDeps, personId: string | undefined): Person {
  const p = personId ? deps.store.data.people[personId] : undefined;
  if (!p) throw new ApiError(404, 'not_found', `person ${personId ?? ''} not found`);
  return p;
}

export function requireOa(deps: SandboxDeps, appid: string | undefined): OfficialAccount {
  const oa = appid ? deps.store.data.oas[appid] : undefined;
  if (!oa) throw new ApiError(404, 'not_found', `official account ${appid ?? ''} not found`);
  return oa;
}

export function requireMerchant(deps: SandboxDeps, mchId: string | undefined): Merchant {
  const m = mchId ? deps.store.data.merchants[mchId] : undefined;
  if (!m) throw new ApiError(404, 'not_found', `merchant ${mchId ?? ''} not found`);
  return m;
}

export function requireStaffId(corp: Corp, userid: string): string {
  if (!corp.staff[userid]) throw new ApiError(404, 'not_found', `staff ${userid} not found in ${corp.corpid}`);
  return userid;
}

export type Faults = DeliveryFaults | undefined;

type ApiHandler = (req: FastifyRequest, reply: FastifyReply) => unknown;

/** Registers a sandbox-API route with the shared error mapping; mutating routes mark state dirty. */
export function apiRoute(fastify: FastifyInstance, deps: SandboxDeps, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, handler: ApiHandler, opts: { bodyLimit?: number } = {}): void {
  fastify.route({
    method,
    url,
    ...(opts.bodyLimit ? { bodyLimit: opts.bodyLimit } : {}),
    handler: async (req, reply) => {
      try {
        const out = await handler(req, reply);
        if (method !== 'GET') deps.store.changed();
        return out;
      } catch (e) {
        return sendApiError(req, reply, e);
      }
    },
  });
}

/** POST /actions/<name>: parse, act, and with `wait: true` answer only after the callbacks were sent. */
export function actionRoute<S extends z.ZodType>(fastify: FastifyInstance, deps: SandboxDeps, name: string, schema: S, run: (input: z.infer<S>) => unknown, bodyLimit?: number): void {
  apiRoute(fastify, deps, 'POST', `/actions/${name}`, async (req) => {
    const input = parse(schema, req.body);
    const out = await run(input);
    if ((input as { wait?: boolean }).wait) await deps.dispatcher.idle();
    return out;
  }, bodyLimit ? { bodyLimit } : {});
}
