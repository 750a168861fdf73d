// The task-fission flows on a bench database: the WeChat sandbox on its own loopback port, a
// workspace linked to its demo corp (as `fission start` links the demo workspace), the corp's
// staff, and a published campaign. Optionally the HTTP app too, with the sandbox delivering its
// callbacks to it. Workers start when the benchmark says so.
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { CampaignConfigInput } from '../domain/task-fission/campaign-config.ts';
import { buildApp } from '../http/app.ts';
import { JobQueue } from '../jobs/queue.ts';
import { ALL_QUEUES, startWorkers } from '../jobs/registry.ts';
import { createAdminUser } from '../modules/auth/create-admin-user.ts';
import { createCampaign } from '../modules/campaign/create-campaign.ts';
import { publishCampaign } from '../modules/campaign/publish-campaign.ts';
import { upsertStaff } from '../modules/staff/upsert-staff.ts';
import { createWorkspace } from '../modules/workspace/create-workspace.ts';
import { updateWorkspaceSettings } from '../modules/workspace/update-workspace-settings.ts';
import type { LimitsInput } from '../sandbox/limits.ts';
import { startSandboxServer, type SandboxServer } from '../sandbox/server.ts';

export interface FlowWorld {
  db: Db;
  jobs: JobQueue;
  config: Config;
  sandbox: SandboxServer;
  corpid: string;
  workspaceId: string;
  slug: string;
  campaignId: number;
  app: FastifyInstance | null;
  startWorkers(): Promise<void>;
  close(): Promise<void>;
}

type Json = Record<string, any>;

export async function startFlowWorld(db: Db, o: { app: boolean; logSize: number; workerConcurrency?: number; limits?: LimitsInput; tiers?: CampaignConfigInput['tiers'] }): Promise<FlowWorld> {
  const sandbox = await startSandboxServer({ callbacks: { logSize: o.logSize }, ...(o.limits ? { limits: o.limits } : {}) });
  const get = async (path: string) => (await fetch(`${sandbox.url}/sandbox-api${path}`)).json() as Promise<Json>;
  const config = loadConfig({
    LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', FISSION_SANDBOX_URL: sandbox.url,
    ...(o.workerConcurrency ? { FISSION_WORKER_CONCURRENCY: String(o.workerConcurrency) } : {}),
  });
  const jobs = await JobQueue.start(db, { supervise: true, queues: ALL_QUEUES });
  const corp = (await get('/credentials')).wecom.corps[0] as Json;
  const app_ = (kind: string) => (corp.apps as Json[]).find((a) => a.kind === kind)!;
  const slug = 'flowbench';
  const workspaceId = await db.transaction(async (tx) => {
    const owner = await createAdminUser(tx, { email: `owner@${slug}.bench`, password: 'bench password' });
    const ws = await createWorkspace(tx, { slug, name: slug, ownerId: owner.id, useSandbox: true });
    await updateWorkspaceSettings(tx, ws.id, {
      wecomCorpId: corp.corpid, wecomContactSecret: app_('contact').secret, wecomAgentId: app_('agent').agentid, wecomAgentSecret: app_('agent').secret,
      wecomCallbackToken: corp.callback.token, wecomCallbackAesKey: corp.callback.encodingAESKey,
    });
    return ws.id;
  });
  const staff = ((await get(`/corps/${corp.corpid}`)).staff as Json[]).map((s) => s.userid as string);
  for (const userid of staff) await upsertStaff(db, workspaceId, { userid, name: userid });

  let app: FastifyInstance | null = null;
  if (o.app) {
    app = await buildApp({ config, db, jobs });
    await app.listen({ host: '127.0.0.1', port: 0 });
    config.publicUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const put = await fetch(`${sandbox.url}/sandbox-api/corps/${corp.corpid}/callback`, {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: `${config.publicUrl}/callback/wecom/${slug}`, verify: true }),
    });
    if (put.status !== 200) throw new Error(`sandbox callback setup failed: ${await put.text()}`);
  }

  const now = Date.now();
  const campaignId = await db.transaction(async (tx) => {
    const draft = await createCampaign(tx, {
      workspaceId, createdBy: null,
      config: {
        name: '助力基准', startAt: new Date(now - 60_000).toISOString(), endAt: new Date(now + 7 * 86_400_000).toISOString(),
        channel: { type: 'wecom', staffUserIds: staff.slice(0, 2) },
        tiers: o.tiers ?? [{ target: 3, reward: { type: 'physical', name: '保温杯' }, stock: 1_000_000 }],
      },
    });
    return (await publishCampaign(tx, { workspaceId, campaignId: draft.id })).id;
  });

  return {
    db, jobs, config, sandbox, corpid: corp.corpid as string, workspaceId, slug, campaignId, app,
    startWorkers: () => startWorkers({ db, config, jobs }),
    async close() {
      await app?.close();
      await sandbox.close();
      await jobs.stop();
    },
  };
}
