// Roles apart, as in production: one `fission serve` and two `fission work` processes on one
// PostgreSQL database. Each job runs exactly once; a job whose worker is killed mid-run is retried
// by the other worker once its run expires. Needs PostgreSQL (PGlite belongs to one process).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { FissionProcess, runFission } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { createAdminUser } from '../../src/modules/auth/create-admin-user.ts';
import { createWorkspace } from '../../src/modules/workspace/create-workspace.ts';
import { ProbeJob } from '../../src/jobs/probe.ts';

const PASSWORD = 'multi-process-pw';

async function waitUntil<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('one serve and two work processes on one PostgreSQL', { skip: process.env.TEST_DATABASE_URL ? false : 'needs PostgreSQL: TEST_DATABASE_URL is not set' }, () => {
  let t: TestDatabase;
  let serve: FissionProcess;
  let workers: FissionProcess[] = [];
  let base: string;
  let cookie: string;
  let workspaceId: string;

  before(async () => {
    t = await createTestDatabase('postgres', { migrate: false });
    const env = { DATABASE_URL: t.url, FISSION_JOB_MONITOR_SECONDS: '1', LOG_LEVEL: 'warn' };
    const m = await runFission(['migrate'], env);
    assert.equal(m.code, 0, m.stderr);

    serve = new FissionProcess('serve', ['serve'], { ...env, PORT: '0' });
    workers = [new FissionProcess('work 1', ['work'], env), new FissionProcess('work 2', ['work'], env)];
    const [, port] = await serve.waitFor(/listening on 127\.0\.0\.1:(\d+)/);
    for (const w of workers) await w.waitFor(/fission work: pid \d+ running/);
    base = `http://127.0.0.1:${port}`;

    const owner = await createAdminUser(t.db, { email: 'ops@example.com', password: PASSWORD });
    workspaceId = (await createWorkspace(t.db, { slug: 'multi', name: 'Multi', ownerId: owner.id })).id;
    const login = await fetch(`${base}/api/admin/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ops@example.com', password: PASSWORD }),
    });
    assert.equal(login.status, 200);
    cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  });

  after(async () => {
    // Even when a test failed: no process outlives the suite, and the database is dropped.
    await Promise.all([serve, ...workers].filter(Boolean).map((p) => p.stop('SIGKILL')));
    await t?.dispose();
  });

  const enqueue = async (keys: string[], sleepMs: number) => {
    const res = await fetch(`${base}/api/admin/workspaces/multi/probes`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ keys, sleepMs }),
    });
    assert.equal(res.status, 202, await res.clone().text());
    return (await res.json()).enqueued as number;
  };
  const runsOf = async (keyPrefix: string) => (await t.db.query<{ probe_key: string; pid: number; attempt: number; finished: boolean }>(
    `SELECT probe_key, pid, attempt, finished_at IS NOT NULL AS finished FROM job_probe_runs
      WHERE workspace_id = $1 AND probe_key LIKE $2 ORDER BY id`, [workspaceId, `${keyPrefix}%`],
  )).rows;
  const resultsOf = async (keyPrefix: string) => (await t.db.query<{ probe_key: string; pid: number }>(
    `SELECT probe_key, pid FROM job_probe_results WHERE workspace_id = $1 AND probe_key LIKE $2`, [workspaceId, `${keyPrefix}%`],
  )).rows;

  test('200 jobs enqueued over HTTP each run exactly once, spread over both workers and never on serve', async () => {
    const keys = Array.from({ length: 200 }, (_, i) => `bulk-${String(i).padStart(3, '0')}`);
    // 100 ms per job: one worker alone would need longer than a polling interval, so both take part.
    assert.equal(await enqueue(keys, 100), 200);
    assert.equal(await enqueue(keys.slice(0, 10), 100), 0, 'the same keys again enqueue nothing');

    await waitUntil('all 200 results', async () => (await resultsOf('bulk-')).length === 200, 180_000);
    // Give a duplicate delivery, if there were one, time to show up before counting.
    await new Promise((r) => setTimeout(r, 1500));
    const runs = await runsOf('bulk-');
    const results = await resultsOf('bulk-');
    assert.deepEqual(runs.map((r) => r.probe_key).sort(), keys, 'one run per key, no key run twice');
    assert.ok(runs.every((r) => r.finished && r.attempt === 0));
    assert.deepEqual(results.map((r) => r.probe_key).sort(), keys, 'one result per key');

    const workerPids = workers.map((w) => w.pid);
    const byPid = new Map<number, number>();
    for (const r of runs) byPid.set(r.pid, (byPid.get(r.pid) ?? 0) + 1);
    assert.deepEqual([...byPid.keys()].sort(), [...workerPids].sort(), `both workers ran jobs, serve none: ${JSON.stringify([...byPid])}`);

    const states = await t.db.query<{ state: string; n: number }>(
      `SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = $1 GROUP BY state`, [ProbeJob.name],
    );
    assert.deepEqual(states.rows, [{ state: 'completed', n: 200 }]);

    // The operator's view over HTTP agrees.
    const report = await (await fetch(`${base}/api/admin/workspaces/multi/probes`, { headers: { cookie } })).json();
    assert.equal(report.probes.filter((p: { key: string; runs: unknown[]; completedBy: number }) => p.key.startsWith('bulk-') && p.runs.length === 1 && workerPids.includes(p.completedBy)).length, 200);
  });

  test('a job whose worker is killed mid-run is retried and completed by the other worker', async () => {
    assert.equal(await enqueue(['crash'], 8000), 1);
    const [first] = await waitUntil('the first run to start', async () => {
      const r = await runsOf('crash');
      return r.length ? r : undefined;
    }, 120_000);
    const victim = workers.find((w) => w.pid === first!.pid);
    assert.ok(victim, `the run is on a worker (pid ${first!.pid})`);
    const survivor = workers.find((w) => w !== victim)!;
    assert.deepEqual(await victim.stop('SIGKILL'), { code: null, signal: 'SIGKILL' });

    // Its run expires after expireInSeconds (15 s); the survivor's monitor then retries it.
    const [result] = await waitUntil('the retried job to complete', async () => {
      const r = await resultsOf('crash');
      return r.length ? r : undefined;
    }, ProbeJob.retry.expireInSeconds * 1000 + 120_000);
    assert.equal(result!.pid, survivor.pid);
    const runs = await runsOf('crash');
    assert.deepEqual(runs.map(({ pid, attempt, finished }) => ({ pid, attempt, finished })), [
      { pid: victim.pid, attempt: 0, finished: false },
      { pid: survivor.pid, attempt: 1, finished: true },
    ]);
    assert.ok(survivor.running, 'the other worker kept running');
    assert.ok(serve.running, 'serve kept running');
  });
});
