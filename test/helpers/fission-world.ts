// A whole task-fission world for flow tests: the WeCom sandbox on its own port, our real HTTP app
// listening on another (callbacks arrive over HTTP, encrypted), real WeCom clients, the job queue
// with every worker running, and a workspace linked to the sandbox's demo corp with its staff and
// a corp tag (and, with `oa`, to the sandbox's demo Official Account, its progress template and
// its pushes). Campaigns are created and published through the admin API.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/client.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { buildApp } from '../../src/http/app.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { ALL_QUEUES, startWorkers } from '../../src/jobs/registry.ts';
import type { CampaignConfigInput } from '../../src/domain/task-fission/campaign-config.ts';
import { syncCorpTags } from '../../src/modules/staff/sync-corp-tags.ts';
import { upsertStaff } from '../../src/modules/staff/upsert-staff.ts';
import { updateWorkspaceSettings } from '../../src/modules/workspace/update-workspace-settings.ts';
import { seedWorkspaceMembers } from '../../src/db/seeders/workspace-members.ts';
import type { Role } from '../../src/modules/workspace/roles.ts';
import { DEMO_CORPID, makePeople, startTestSandbox, type Json, type TestSandbox } from './sandbox.ts';
import { DEMO_APPID } from '../../src/sandbox/store/demo.ts';
import { linkSecret, participantToken } from '../../src/modules/fission/links.ts';

export const STAFF = ['ZhangWei', 'WangFang', 'LiNa', 'LiuYang'] as const;

export interface FissionWorld {
  db: Db;
  sb: TestSandbox;
  app: FastifyInstance;
  jobs: JobQueue;
  config: Config;
  workspaceId: string;
  slug: string;
  tagId: string;
  /** Creates and publishes a campaign (defaults: running now, one staff, tier 1 target 2), and makes its code. */
  campaign(patch?: Partial<CampaignConfigInput>): Promise<{ id: number; qrUrl: string }>;
  people(count: number, person?: Json): Promise<Json[]>;
  /** A person scans a QR (waits until the sandbox sent the callbacks). */
  scan(person: Json, qrUrl: string, extra?: Json): Promise<Json>;
  /** Waits until every inbox row and job of the world has settled. */
  settle(timeoutMs?: number): Promise<void>;
  h5(method: 'GET' | 'POST', url: string, opts?: { token?: string; body?: unknown }): Promise<{ status: number; body: any }>;
  /** Calls the admin API as a member with `role` (operator by default). */
  admin(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, opts?: { body?: unknown; as?: Role }): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

let seedCounter = 1000;

export async function startFissionWorld(db: Db, slug = 'flows', opts: { oa?: boolean } = {}): Promise<FissionWorld> {
  // WeChat's own 5 s answer timeout: a loaded test machine must not turn slow answers into lost events.
  const sb = await startTestSandbox({ callbacks: { timeoutMs: 5000, retryDelayMs: 200 } });
  const config = loadConfig({ LOG_LEVEL: 'silent', FISSION_SANDBOX_URL: sb.url, FISSION_WORKER_CONCURRENCY: '8' });
  const jobs = await JobQueue.start(db, { supervise: false, queues: ALL_QUEUES });
  const app = await buildApp({ config, db, jobs });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  // Links in welcome cards point at this server.
  config.publicUrl = `http://127.0.0.1:${port}`;

  const corp = (await sb.api('GET', '/credentials')).body.wecom.corps.find((c: Json) => c.corpid === DEMO_CORPID);
  const app_ = (kind: string) => corp.apps.find((a: Json) => a.kind === kind);
  // A workspace with one admin per role, linked to the sandbox's demo corp.
  const seeded = await seedWorkspaceMembers(db, { slug });
  const workspaceId = seeded.workspaceId;
  await updateWorkspaceSettings(db, workspaceId, {
    useSandbox: true, wecomCorpId: DEMO_CORPID, wecomContactSecret: app_('contact').secret, wecomAgentId: app_('agent').agentid,
    wecomAgentSecret: app_('agent').secret, wecomCallbackToken: corp.callback.token, wecomCallbackAesKey: corp.callback.encodingAESKey,
  });
  for (const userid of STAFF) await upsertStaff(db, workspaceId, { userid, name: userid });
  const token = await sb.token();
  const tag = await sb.wecom(`/cgi-bin/externalcontact/add_corp_tag?access_token=${token}`, { group_name: '活动', tag: [{ name: `裂变-${slug}` }] });
  const tagId = tag.tag_group.tag[0].id as string;
  await syncCorpTags(db, workspaceId, [{ tagId, name: `裂变-${slug}`, groupName: '活动' }]);
  const put = await sb.api('PUT', `/corps/${DEMO_CORPID}/callback`, { url: `${config.publicUrl}/callback/wecom/${slug}`, verify: true });
  if (put.status !== 200) throw new Error(`callback setup failed: ${JSON.stringify(put.body)}`);
  if (opts.oa) {
    const oa = (await sb.api('GET', '/credentials')).body.oa.accounts.find((a: Json) => a.appid === DEMO_APPID);
    await updateWorkspaceSettings(db, workspaceId, {
      oaAppId: oa.appid, oaAppSecret: oa.secret, oaOriginalId: oa.originalId, oaCallbackToken: oa.callback.token,
      oaCallbackAesKey: oa.callback.encodingAESKey, oaProgressTemplateId: oa.templates[0].templateId,
    });
    const oaPut = await sb.api('PUT', `/oas/${DEMO_APPID}/callback`, { url: `${config.publicUrl}/callback/oa/${slug}`, verify: true });
    if (oaPut.status !== 200) throw new Error(`OA callback setup failed: ${JSON.stringify(oaPut.body)}`);
  }
  await startWorkers({ db, config, jobs });

  const cookies = new Map<Role, string>();
  const world: FissionWorld = {
    db, sb, app, jobs, config, workspaceId, slug, tagId,
    async campaign(patch = {}) {
      const now = Date.now();
      const input: CampaignConfigInput = {
        name: '好友助力领好礼',
        startAt: new Date(now - 60_000).toISOString(),
        endAt: new Date(now + 86_400_000).toISOString(),
        channel: { type: 'wecom', staffUserIds: ['ZhangWei'] },
        tiers: [{ target: 2, reward: { type: 'physical', name: '保温杯' }, stock: 100 }],
        rules: { joinTagIds: [tagId] },
        ...patch,
      };
      // Through the admin API: publishing enqueues the job that creates the activity code at WeCom.
      const created = await world.admin('POST', `/api/admin/workspaces/${slug}/campaigns`, { body: input });
      if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
      const published = await world.admin('POST', `/api/admin/workspaces/${slug}/campaigns/${created.body.id}/publish`);
      if (published.status !== 200) throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
      const c = { id: created.body.id as number };
      let code: { qrUrl: string } | undefined;
      for (let i = 0; i < 300 && !code; i++) {
        const r = await db.query<{ qrUrl: string }>(`SELECT qr_url AS "qrUrl" FROM contact_ways WHERE campaign_id = $1 AND participant_id IS NULL AND config_id IS NOT NULL AND deleted_at IS NULL`, [c.id]);
        code = r.rows[0];
        if (!code) await new Promise((res) => setTimeout(res, 100));
      }
      if (!code) throw new Error(`campaign ${c.id}: the activity code was not created`);
      return { id: c.id, qrUrl: code.qrUrl };
    },
    async people(count, person) {
      return (await sb.api('POST', '/people', { count, seed: seedCounter++, ...(person ? { person } : {}) })).body.people as Json[];
    },
    async scan(person, qrUrl, extra = {}) {
      const r = await sb.api('POST', '/actions/scan', { person_id: person.id, qr_url: qrUrl, wait: true, ...extra });
      if (r.status !== 200) throw new Error(`scan failed: ${JSON.stringify(r.body)}`);
      return r.body;
    },
    async settle(timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        await sb.api('POST', '/deliveries/flush', {});
        const open = await db.query<{ n: number }>(
          `SELECT (SELECT count(*) FROM inbox WHERE status IN ('pending', 'failed'))
                + (SELECT count(*) FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND start_after <= now() + interval '5 seconds')
                -- A welcome whose send or fallback waits on a scheduled retry is not settled yet.
                + (SELECT count(*) FROM welcome_attempts WHERE status IN ('pending', 'fallback_queued')) AS n`,
        );
        if (open.rows[0]!.n === 0) break;
        if (Date.now() > until) {
          const inbox = await db.query(`SELECT status, status_reason, attempts, dedupe_key FROM inbox WHERE status IN ('pending', 'failed') LIMIT 5`);
          const jobs_ = await db.query(`SELECT name, state, retry_count, output FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND start_after <= now() + interval '5 seconds' LIMIT 5`);
          throw new Error(`not settled after ${timeoutMs} ms: ${open.rows[0]!.n} open: ${JSON.stringify(inbox.rows)} ${JSON.stringify(jobs_.rows)}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      const lost = (await sb.api('GET', `/deliveries?corpid=${DEMO_CORPID}&status=failed`)).body.deliveries as Json[];
      if (lost.length) throw new Error(`${lost.length} callback(s) could not be delivered: ${JSON.stringify(lost[0]!.attempts)}`);
    },
    async h5(method, url, opts = {}) {
      const r = await app.inject({
        method, url,
        headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
        ...(opts.body === undefined ? {} : { payload: opts.body as object }),
      });
      return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : null };
    },
    async admin(method, url, opts = {}) {
      const role = opts.as ?? 'operator';
      if (!cookies.has(role)) {
        const r = await app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { email: seeded.users[role].email, password: seeded.password } });
        const c = r.cookies.find((x) => x.name === 'fission_session')!;
        cookies.set(role, `${c.name}=${c.value}`);
      }
      const r = await app.inject({ method, url, headers: { cookie: cookies.get(role)! }, ...(opts.body === undefined ? {} : { payload: opts.body as object }) });
      return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : null };
    },
    async close() {
      await sb.close();
      await app.close();
      await jobs.stop();
    },
  };
  return world;
}

/** A participant's personal-link token, as their welcome card carries it. */
export async function personalToken(db: Db, campaignId: number, participantId: number): Promise<string> {
  const c = await db.query<{ endAt: Date }>(`SELECT end_at AS "endAt" FROM campaigns WHERE id = $1`, [campaignId]);
  return participantToken(await linkSecret(db), participantId, c.rows[0]!.endAt);
}
