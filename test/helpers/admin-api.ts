// The real HTTP app over a test database, with a logged-in session per workspace role, called
// through Fastify's inject (no socket).
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/client.ts';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/http/app.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { ALL_QUEUES } from '../../src/jobs/registry.ts';
import { seedWorkspaceMembers, type SeededWorkspace } from '../../src/db/seeders/workspace-members.ts';
import type { Role } from '../../src/modules/workspace/roles.ts';

export interface ApiResponse {
  status: number;
  body: any;
}

export interface AdminApi {
  app: FastifyInstance;
  ws: SeededWorkspace;
  /** Calls as a member with `role`; `as: null` calls without a session. */
  call(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, opts?: { as?: Role | null; body?: unknown; headers?: Record<string, string> }): Promise<ApiResponse>;
  /** `/api/admin/workspaces/<slug>` + rest */
  url(rest: string): string;
  close(): Promise<void>;
}

export async function startAdminApi(db: Db, slug: string, env: NodeJS.ProcessEnv = {}): Promise<AdminApi> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  // Publishing and ending campaigns enqueue the flows' jobs (their code, their end watch); no
  // worker runs them here.
  const jobs = await JobQueue.start(db, { supervise: false, queues: ALL_QUEUES });
  const app = await buildApp({ config, db, jobs });
  const ws = await seedWorkspaceMembers(db, { slug });
  const cookies = {} as Record<Role, string>;
  for (const role of ['owner', 'operator', 'viewer'] as const) {
    const r = await app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { email: ws.users[role].email, password: ws.password } });
    if (r.statusCode !== 200) throw new Error(`login as ${role} failed: ${r.body}`);
    const c = r.cookies.find((x) => x.name === 'fission_session');
    cookies[role] = `${c!.name}=${c!.value}`;
  }
  return {
    app,
    ws,
    async call(method, path, opts = {}) {
      const as = opts.as === undefined ? 'operator' : opts.as;
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (as) headers.cookie = cookies[as];
      const r = await app.inject({ method, url: path, headers, ...(opts.body === undefined ? {} : { payload: opts.body as object }) });
      return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : null };
    },
    url: (rest) => `/api/admin/workspaces/${slug}${rest}`,
    async close() {
      await app.close();
      await jobs.stop();
    },
  };
}
