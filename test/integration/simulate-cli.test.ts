// `fission simulate` end to end: a small crowd through the sandbox on a fresh embedded instance
// (PGlite, and PostgreSQL when TEST_DATABASE_URL is set), with duplicated and reordered callbacks;
// exactly one JSON object on stdout with every invariant checked and holding. Also a running
// server reached with --url, and the refusals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FissionProcess, runFission } from '../helpers/cli.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const REQUIRED = ['scenario', 'seed', 'participants', 'helps', 'completed', 'rewards_reserved', 'stock_left', 'max_level', 'level_histogram', 'wall_s', 'callbacks_per_s', 'invariants'];

function parseOne(stdout: string): any {
  const lines = stdout.trim().split('\n');
  assert.equal(lines.length, 1, `exactly one line on stdout, got:\n${stdout}`);
  return JSON.parse(lines[0]!);
}

const targets: Array<[string, string[]]> = [['pglite', []]];
if (process.env.TEST_DATABASE_URL) targets.push(['postgres', ['--database-url', process.env.TEST_DATABASE_URL]]);

for (const [engine, extra] of targets) {
  test(`a small crowd with duplicated and reordered callbacks keeps every invariant [${engine}]`, { timeout: 600_000 }, async () => {
    const r = await runFission(['simulate', '--participants', '25', '--seeds', '4', '--duplicate-rate', '0.3', '--reorder-rate', '0.3',
      '--churn-probability', '0.2', '--churn-delay', '1', '--rescan-probability', '0.2', '--seed', '3', '--json', ...extra], {}, 600_000);
    assert.equal(r.code, 0, r.stderr);
    const out = parseOne(r.stdout);
    for (const key of REQUIRED) assert.ok(key in out, `missing ${key}`);
    assert.equal(out.scenario, 'task-wecom');
    assert.equal(out.seed, 3);
    assert.equal(out.target.engine, engine);
    assert.ok(out.participants >= 25);
    assert.deepEqual(out.invariants.violations, []);
    assert.equal(out.invariants.ok, true);
    assert.equal(out.invariants.checked.length, 9);
    assert.equal(out.max_level, Math.max(...Object.keys(out.level_histogram).map(Number)));
    assert.equal(Object.values(out.level_histogram as Record<string, number>).reduce((a, b) => a + b, 0), out.participants);
    assert.ok(out.helps.valid >= out.participants - (out.level_histogram['1'] ?? 0) - out.helps.revoked, JSON.stringify(out.helps));
    assert.ok(out.callbacks > out.crowd.adds, 'duplicates were delivered too');
    assert.match(r.stderr, /joined \d+\/25/);
  });
}

test('a running server reached with --url: its sandbox and admin API; without its database the invariants are skipped', { timeout: 600_000 }, async () => {
  const data = mkdtempSync(join(tmpdir(), 'fission-simtest-'));
  // A fixed port: the sandbox URL `start` hands its WeCom clients is derived from PORT.
  const port = await freePort();
  const server = new FissionProcess('start', ['start'], { FISSION_DATA_DIR: data, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, FISSION_ADMIN_PASSWORD: 'simulator-test-pw', FISSION_ADMIN_EMAIL: 'ops@example.com' });
  try {
    await server.waitFor(/listening on/, 240_000);
    const r = await runFission(['simulate', '--url', `http://127.0.0.1:${port}`, '--participants', '6', '--seeds', '3', '--json'],
      { FISSION_ADMIN_EMAIL: 'ops@example.com', FISSION_ADMIN_PASSWORD: 'simulator-test-pw' }, 300_000);
    assert.equal(r.code, 0, r.stderr);
    const out = parseOne(r.stdout);
    assert.equal(out.target.kind, 'remote');
    assert.ok(out.participants >= 6);
    assert.deepEqual(out.invariants.checked, []);
    assert.match(out.invariants.skipped[0].reason, /--database-url/);
  } finally {
    await server.stop();
    rmSync(data, { recursive: true, force: true });
  }
});

test('refusals: unbuilt scenario, bad flags, --url without credentials', async () => {
  const oa = await runFission(['simulate', '--scenario', 'task-oa']);
  assert.equal(oa.code, 2);
  assert.match(oa.stderr, /scenario task-oa: .*not built yet/);
  const bad = await runFission(['simulate', '--participants', '0', '--scan-probability', '2', '--shares', 'normal:3']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--participants: /);
  assert.match(bad.stderr, /--scan-probability: must be between 0 and 1/);
  assert.match(bad.stderr, /--shares: "normal:3" is not a distribution/);
  const url = await runFission(['simulate', '--url', 'http://127.0.0.1:9']);
  assert.equal(url.code, 2);
  assert.match(url.stderr, /--url needs --admin-email and --admin-password/);
});
