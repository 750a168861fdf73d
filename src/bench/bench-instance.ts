// The real HTTP app on a bench database, listening on loopback, with a workspace whose WeCom
// callback settings the load generator signs with. Workers are not started: what is measured is
// the serve role (callbacks persisted and enqueued), not job processing.
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { buildApp } from '../http/app.ts';
import { JobQueue } from '../jobs/queue.ts';
import { ALL_QUEUES } from '../jobs/registry.ts';
import { createAdminUser } from '../modules/auth/create-admin-user.ts';
import { createWorkspace } from '../modules/workspace/create-workspace.ts';
import { updateWorkspaceSettings } from '../modules/workspace/update-workspace-settings.ts';
import { randomCallbackCredentials, type CallbackCredentials } from './sealed-callbacks.ts';

export interface BenchInstance {
  app: FastifyInstance;
  jobs: JobQueue;
  config: Config;
  origin: string;
  workspaceId: string;
  slug: string;
  creds: CallbackCredentials;
  close(): Promise<void>;
}

export async function startBenchInstance(db: Db, o: { slug: string; plugins?: Array<{ plugin: FastifyPluginAsync; prefix?: string }> }): Promise<BenchInstance> {
  const creds = randomCallbackCredentials('wwbench0000000001');
  const workspaceId = await db.transaction(async (tx) => {
    const owner = await createAdminUser(tx, { email: `owner@${o.slug}.bench`, password: 'bench password' });
    const ws = await createWorkspace(tx, { slug: o.slug, name: o.slug, ownerId: owner.id });
    await updateWorkspaceSettings(tx, ws.id, { wecomCorpId: creds.corpId, wecomCallbackToken: creds.token, wecomCallbackAesKey: creds.encodingAESKey });
    return ws.id;
  });
  // Logs off: pino writes to stdout, which carries the report (and request logs at info would be a
  // cost of their own, not the intake's).
  const config = loadConfig({ LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' });
  const jobs = await JobQueue.start(db, { supervise: false, queues: ALL_QUEUES });
  const app = await buildApp({ config, db, jobs, ...(o.plugins ? { plugins: o.plugins } : {}) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    app, jobs, config, origin, workspaceId, slug: o.slug, creds,
    async close() {
      await app.close();
      await jobs.stop();
    },
  };
}
