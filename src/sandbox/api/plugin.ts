// The sandbox's own JSON API (`<sandbox>/sandbox-api/…`): provisioning like WeChat's consoles,
// simulated people and their actions, and test hooks. Not part of any WeChat API.
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import { registerActions } from './actions.ts';
import { registerCallbackHooks } from './callbacks.ts';
import { registerMerchants } from './merchants.ts';
import { registerOaActions } from './oa-actions.ts';
import { registerOas } from './oas.ts';
import { registerPhoneApi } from './phone.ts';
import { registerPeople } from './people.ts';
import { registerProvisioning } from './provisioning.ts';

export async function sandboxApiPlugin(fastify: FastifyInstance, opts: { deps: SandboxDeps }): Promise<void> {
  registerProvisioning(fastify, opts.deps);
  registerPeople(fastify, opts.deps);
  registerActions(fastify, opts.deps);
  registerOas(fastify, opts.deps);
  registerMerchants(fastify, opts.deps);
  registerOaActions(fastify, opts.deps);
  registerPhoneApi(fastify, opts.deps);
  registerCallbackHooks(fastify, opts.deps);
}
