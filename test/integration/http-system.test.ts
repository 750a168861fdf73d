import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyPluginAsync } from 'fastify';
import { describeEachEngine } from '../helpers/db.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { openDb } from '../../src/db/client.ts';
import { buildApp } from '../../src/http/app.ts';

// Routes that fail the way bugs do, mounted through buildApp's plugin hook.
const faulty: FastifyPluginAsync = async (app) => {
  app.get('/boom', async () => {
    throw new Error('secret internals at /srv/fission/db.ts:42');
  });
  app.get('/bad-sql', async () => {
    throw Object.assign(new Error('relation "secret_table" does not exist'), { code: '42P01' });
  });
};

describeEachEngine('health, metrics, OpenAPI and errors', (ctx, engine) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(ctx().db, { plugins: [{ plugin: faulty, prefix: '/test' }] });
  });
  after(() => t.close());

  test('/healthz answers 200 with the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', database: engine });
  });

  test('/metrics is Prometheus text with process metrics and request latency by route', async () => {
    await t.app.inject({ method: 'GET', url: '/healthz' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    assert.match(res.body, /^# HELP process_cpu_user_seconds_total/m);
    assert.match(res.body, /^# TYPE fission_http_request_duration_seconds histogram$/m);
    assert.match(res.body, /^fission_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} [1-9]\d*$/m);
  });

  test('/api/openapi.json documents every admin path, with request schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.match(doc.openapi, /^3\./);
    const paths = doc.paths as Record<string, Record<string, any>>;
    const expected: Array<[string, string]> = [
      ['/api/admin/auth/login', 'post'], ['/api/admin/auth/logout', 'post'], ['/api/admin/me', 'get'],
      ['/api/admin/workspaces', 'post'], ['/api/admin/workspaces/{workspace}', 'get'], ['/api/admin/workspaces/{workspace}', 'patch'],
      ['/api/admin/workspaces/{workspace}/members', 'put'],
      ['/api/admin/workspaces/{workspace}/probes', 'post'], ['/api/admin/workspaces/{workspace}/probes', 'get'],
    ];
    for (const [path, method] of expected) assert.ok(paths[path]?.[method], `${method.toUpperCase()} ${path} documented`);
    const login = paths['/api/admin/auth/login']!.post.requestBody.content['application/json'].schema;
    assert.deepEqual([...login.required].sort(), ['email', 'password']);
    for (const hidden of ['/healthz', '/metrics', '/api/openapi.json']) assert.equal(paths[hidden], undefined, `${hidden} not in the API doc`);
  });

  test('an unknown route is a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/nope?x=1' });
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    const err = res.json().error;
    assert.equal(err.code, 'not_found');
    assert.equal(err.message, 'no route for GET /api/admin/nope');
    assert.match(err.requestId, /^[0-9a-f-]{36}$/);
    assert.equal((await t.app.inject({ method: 'DELETE', url: '/api/admin/me' })).statusCode, 404);
  });

  test('an internal error answers 500 with a request id only: no message, stack or SQL', async () => {
    for (const url of ['/test/boom', '/test/bad-sql']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 500);
      const body = res.json();
      assert.deepEqual(Object.keys(body.error).sort(), ['code', 'message', 'requestId']);
      assert.equal(body.error.code, 'internal');
      assert.equal(body.error.message, 'internal error');
      assert.match(body.error.requestId, /^[0-9a-f-]{36}$/);
      assert.doesNotMatch(res.body, /secret|\.ts|at |42P01/);
    }
    const a = (await t.app.inject({ method: 'GET', url: '/test/boom' })).json().error.requestId;
    const b = (await t.app.inject({ method: 'GET', url: '/test/boom' })).json().error.requestId;
    assert.notEqual(a, b, 'each request has its own id, to find it in the log');
  });

  test('/healthz answers 503 when the database is gone', async () => {
    const gone = engine === 'pglite' ? await openDb({ dataDir: 'memory://' }) : await openDb({ url: ctx().url });
    await gone.close();
    const app = await buildApp({ config: t.config, db: gone, jobs: t.jobs });
    try {
      const res = await app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(res.statusCode, 503);
      assert.deepEqual(res.json(), { status: 'unavailable', database: engine });
    } finally {
      await app.close();
    }
  });
});
