// The HTTP app built in-process on a test database, and the few steps most HTTP tests start with:
// make an account, give it a role, log in.
import assert from 'node:assert/strict';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Db } from '../../src/db/client.ts';
import { buildApp } from '../../src/http/app.ts';
import { SESSION_COOKIE } from '../../src/http/auth.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { ALL_QUEUES } from '../../src/jobs/registry.ts';
import { createAdminUser, type AdminUser } from '../../src/modules/auth/create-admin-user.ts';
import type { Role } from '../../src/modules/workspace/roles.ts';

export interface TestApp {
  app: FastifyInstance;
  jobs: JobQueue;
  config: Config;
  close(): Promise<void>;
}

/** The real app on `db`, with a job queue that enqueues but runs nothing (no workers). */
export async function buildTestApp(db: Db, opts: { env?: NodeJS.ProcessEnv; plugins?: Array<{ plugin: FastifyPluginAsync; prefix?: string }> } = {}): Promise<TestApp> {
  const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://fission.test', ...opts.env });
  const jobs = await JobQueue.start(db, { supervise: false, queues: ALL_QUEUES });
  const app = await buildApp({ config, db, jobs, ...(opts.plugins ? { plugins: opts.plugins } : {}) });
  return {
    app, jobs, config,
    async close() {
      await app.close();
      await jobs.stop();
    },
  };
}

export const PASSWORD = 'correct horse battery';

export async function createAccount(db: Db, email: string, password = PASSWORD): Promise<AdminUser> {
  return createAdminUser(db, { email, password });
}

export async function grantRole(db: Db, workspaceId: string, userId: string, role: Role): Promise<void> {
  await db.query(
    `INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, $2, $3)
     ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
    [workspaceId, userId, role],
  );
}

/** Logs in over HTTP; returns the Cookie header value to send with later requests. */
export async function logIn(app: FastifyInstance, email: string, password = PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { email, password } });
  assert.equal(res.statusCode, 200, `login as ${email}: ${res.body}`);
  const c = res.cookies.find((x) => x.name === SESSION_COOKIE);
  assert.ok(c, 'login sets the session cookie');
  return `${SESSION_COOKIE}=${c.value}`;
}
