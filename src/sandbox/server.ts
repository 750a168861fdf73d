// The WeChat sandbox: a Fastify plugin hosting WeChat's hosts under their own prefixes (`/wecom`
// qyapi.weixin.qq.com, `/oa` api.weixin.qq.com, `/mp` mp.weixin.qq.com, `/open` open.weixin.qq.com,
// `/pay` api.mch.weixin.qq.com), the sandbox API, the phone page and its images.
// Mount it inside the service (`app.register(sandbox.plugin, { prefix: '/sandbox' })`) or run it
// alone with startSandboxServer.
import Fastify from 'fastify';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { sandboxApiPlugin } from './api/plugin.ts';
import { createDispatcher } from './callbacks/dispatcher.ts';
import type { Dispatcher, DispatcherOptions } from './callbacks/dispatcher.ts';
import { createSandboxClock } from './clock.ts';
import type { SandboxClock } from './clock.ts';
import type { SandboxDeps } from './deps.ts';
import { imagesPlugin } from './img/plugin.ts';
import { mpPlugin } from './mp/plugin.ts';
import { oaPlugin } from './oa/plugin.ts';
import { openPlugin } from './open/plugin.ts';
import { payPlugin } from './pay/plugin.ts';
import { phonePlugin } from './phone/plugin.ts';
import { resolveLimits } from './limits.ts';
import type { LimitsInput } from './limits.ts';
import { provisionDemo } from './store/demo.ts';
import type { DemoOptions } from './store/demo.ts';
import { createStore } from './store/store.ts';
import type { SandboxStore } from './store/store.ts';
import { wecomPlugin } from './wecom/plugin.ts';
import { createRateLimiter } from './wecom/rate-limit.ts';

export interface SandboxOptions {
  /** Folder for the state snapshot and uploaded media; memory only when absent. */
  dataDir?: string;
  /** Base URL of the sandbox root as clients reach it, e.g. `http://127.0.0.1:3000/sandbox`. */
  publicUrl: string | (() => string);
  clock?: SandboxClock;
  limits?: LimitsInput;
  callbacks?: Partial<DispatcherOptions>;
  /** The demo corp, Official Account and merchant a fresh sandbox starts with; `false` for none. */
  demo?: DemoOptions | false;
  snapshotDebounceMs?: number;
}

export interface Sandbox {
  plugin: FastifyPluginAsync;
  state: SandboxStore;
  dispatcher: Dispatcher;
  clock: SandboxClock;
  /** Stops deliveries and writes the snapshot. */
  close(): Promise<void>;
}

export function createSandbox(opts: SandboxOptions): Sandbox {
  const clock = opts.clock ?? createSandboxClock();
  const limits = resolveLimits(opts.limits);
  const store = createStore({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    clock,
    limits,
    publicUrl: opts.publicUrl,
    seed: (s) => {
      if (opts.demo !== false) provisionDemo(s, opts.demo ?? {});
    },
    // A snapshot from before the OA and Pay hosts gets their demo account and merchant.
    upgrade: (s, added) => {
      if (opts.demo !== false) provisionDemo(s, opts.demo ?? {}, added);
    },
    ...(opts.snapshotDebounceMs !== undefined ? { debounceMs: opts.snapshotDebounceMs } : {}),
  });
  const dispatcher = createDispatcher(clock, opts.callbacks);
  const deps: SandboxDeps = { store, dispatcher, limiter: createRateLimiter(clock, limits) };

  const plugin: FastifyPluginAsync = async (fastify) => {
    await fastify.register(wecomPlugin, { prefix: '/wecom', deps });
    await fastify.register(oaPlugin, { prefix: '/oa', deps });
    await fastify.register(mpPlugin, { prefix: '/mp', deps });
    await fastify.register(openPlugin, { prefix: '/open', deps });
    await fastify.register(payPlugin, { prefix: '/pay', deps });
    await fastify.register(sandboxApiPlugin, { prefix: '/sandbox-api', deps });
    await fastify.register(phonePlugin, { prefix: '/phone', deps });
    await fastify.register(imagesPlugin, { deps });
    fastify.get('/', async () => ({
      name: 'Fission WeChat sandbox',
      hosts: { wecom: `${store.publicUrl()}/wecom`, oa: `${store.publicUrl()}/oa`, mp: `${store.publicUrl()}/mp`, open: `${store.publicUrl()}/open`, pay: `${store.publicUrl()}/pay` },
      phone: `${store.publicUrl()}/phone`,
      api: `${store.publicUrl()}/sandbox-api`,
      credentials: `${store.publicUrl()}/sandbox-api/credentials`,
    }));
  };

  return {
    plugin,
    state: store,
    dispatcher,
    clock,
    async close() {
      await dispatcher.close();
      store.close();
    },
  };
}

export interface SandboxServerOptions extends Partial<SandboxOptions> {
  host?: string;
  port?: number;
  logger?: boolean;
}

export interface SandboxServer {
  url: string;
  app: FastifyInstance;
  sandbox: Sandbox;
  close(): Promise<void>;
}

/** Runs the sandbox on its own port (`fission sandbox --port P`). Port 0 picks a free one. */
export async function startSandboxServer(opts: SandboxServerOptions = {}): Promise<SandboxServer> {
  const host = opts.host ?? '127.0.0.1';
  let url = '';
  const sandbox = createSandbox({ ...opts, publicUrl: opts.publicUrl ?? (() => url) });
  const app = Fastify({ logger: opts.logger ?? false });
  await app.register(sandbox.plugin);
  const address = await app.listen({ host, port: opts.port ?? 0 });
  const port = new URL(address).port;
  url = `http://${host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  return {
    url,
    app,
    sandbox,
    async close() {
      await sandbox.close();
      await app.close();
    },
  };
}
