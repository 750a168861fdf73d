// The `fission` command as operators run it: separate processes, real exit codes and output.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FissionProcess, runFission } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { listMigrations } from '../../src/db/migrate.ts';

const pgUrl = process.env.TEST_DATABASE_URL;

describe('fission CLI: refusals', () => {
  let dataDir: string;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'fission-cli-'));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('invalid configuration exits 2 naming every bad variable, before touching the database', async () => {
    const r = await runFission(['start'], { FISSION_DATA_DIR: dataDir, PORT: 'abc', LOG_LEVEL: 'loud' });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /PORT: .*\(got "abc"\)/);
    assert.match(r.stderr, /LOG_LEVEL: /);
    assert.equal(r.stdout, '');
    const flag = await runFission(['serve', '--port', '99999'], { DATABASE_URL: 'postgres://nowhere/x' });
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /PORT: /);
  });

  for (const cmd of ['serve', 'work']) {
    test(`${cmd} without DATABASE_URL exits 2: the embedded PGlite belongs to one process`, async () => {
      const r = await runFission([cmd], { FISSION_DATA_DIR: dataDir });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, new RegExp(`fission ${cmd}: the embedded database \\(PGlite\\) belongs to one process. Set DATABASE_URL`));
    });
  }

  test('an unreachable database is one clear line with the password masked, exit 1', async () => {
    const r = await runFission(['work'], { DATABASE_URL: 'postgres://fission:hunter2secret@127.0.0.1:1/fission' });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^cannot reach the database postgres:\/\/fission:\*\*\*\*@127\.0\.0\.1:1\/fission: .*ECONNREFUSED/);
    assert.doesNotMatch(r.stderr + r.stdout, /hunter2secret|\n\s+at /);
  });
});

describe('fission start on a fresh data folder (the quick start)', () => {
  let dataDir: string;
  let proc: FissionProcess | undefined;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'fission-start-'));
  });
  after(async () => {
    await proc?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('serves /healthz on PGlite, prints the config and URLs, creates the demo owner once, who logs in', async () => {
    proc = new FissionProcess('start', ['start', '--port', '0'], { FISSION_DATA_DIR: dataDir });
    const [, password] = await proc.waitFor(/password (\S+)\s+\(shown once/);
    const [, port] = await proc.waitFor(/listening on 127\.0\.0\.1:(\d+)/);
    const base = `http://127.0.0.1:${port}`;
    assert.match(proc.stdout, /Fission is running \(Node v26\./);
    assert.match(proc.stdout, /"databaseUrl": "\(embedded PGlite in .*\/pglite\)"/);
    assert.match(proc.stdout, new RegExp(`admin console +http://localhost:${port}/admin`));
    assert.match(proc.stdout, new RegExp(`WeCom callback +http://localhost:${port}/callback/wecom/<workspace> +\\(demo: http://localhost:${port}/callback/wecom/demo\\)`));
    assert.match(proc.stdout, /email +admin@fission\.local/);

    const health = await fetch(`${base}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok', database: 'pglite' });
    const login = await fetch(`${base}/api/admin/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@fission.local', password }),
    });
    assert.equal(login.status, 200);
    assert.equal((await login.json()).workspaces[0].slug, 'demo');

    assert.deepEqual(await proc.stop('SIGTERM'), { code: 0, signal: null }, 'SIGTERM shuts down cleanly');

    // Second start on the same folder: nothing seeded or printed again; a given password is masked.
    proc = new FissionProcess('start again', ['start', '--port', '0'], { FISSION_DATA_DIR: dataDir, FISSION_ADMIN_PASSWORD: 'never-printed-pw' });
    const [, port2] = await proc.waitFor(/listening on 127\.0\.0\.1:(\d+)/);
    await proc.waitFor(/OpenAPI \S+\n/);
    const again = await fetch(`http://127.0.0.1:${port2}/api/admin/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@fission.local', password }),
    });
    assert.equal(again.status, 200, 'the first password still works');
    assert.match(proc.stdout, /"adminPassword": "\*\*\*\*"/);
    assert.doesNotMatch(proc.stdout + proc.stderr, /never-printed-pw|Created the demo workspace/);
    assert.deepEqual(await proc.stop('SIGTERM'), { code: 0, signal: null });
  });
});

describe('fission serve, work and migrate on PostgreSQL', { skip: pgUrl ? false : 'TEST_DATABASE_URL is not set' }, () => {
  let t: TestDatabase;
  let proc: FissionProcess | undefined;
  before(async () => {
    t = await createTestDatabase('postgres', { migrate: false });
  });
  after(async () => {
    await proc?.stop('SIGKILL');
    await t?.dispose();
  });

  test('serve and work refuse an unmigrated schema; migrate applies it once; then serve runs', async () => {
    const env = { DATABASE_URL: t.url };
    for (const cmd of ['serve', 'work']) {
      const r = await runFission([cmd], env);
      assert.equal(r.code, 2, `${cmd}: ${r.stderr}`);
      assert.match(r.stderr, /the database schema is not up to date \(\d+ migration\(s\) pending, first 0001_core\)\. Run `fission migrate` first\./);
    }
    const tables = await t.db.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = 'public'`);
    assert.equal(tables.rows.length, 0, 'refusing created nothing');

    const m = await runFission(['migrate'], env);
    assert.equal(m.code, 0, m.stderr);
    assert.equal(m.stdout.trim(), `applied ${listMigrations().map((x) => `${String(x.version).padStart(4, '0')}_${x.name}`).join(', ')}`);
    const again = await runFission(['migrate'], env);
    assert.equal(again.stdout.trim(), 'schema is up to date');

    proc = new FissionProcess('serve', ['serve'], { ...env, PORT: '0' });
    const [, port] = await proc.waitFor(/listening on 127\.0\.0\.1:(\d+)/);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.deepEqual(await health.json(), { status: 'ok', database: 'postgres' });
    assert.deepEqual(await proc.stop('SIGTERM'), { code: 0, signal: null });
  });
});
