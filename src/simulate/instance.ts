// Where a simulation runs: a fresh embedded instance wired as `fission start` wires it (HTTP app,
// job workers and the WeChat sandbox at /sandbox in this process, on a fresh PGlite folder or a
// fresh PostgreSQL database), or a running server reached by URL (its sandbox at /sandbox, its
// admin API; its database only when a URL for it is given, for the invariant checks).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../config.ts';
import { openDb, type Db } from '../db/client.ts';
import { buildApp } from '../http/app.ts';
import { JobQueue } from '../jobs/queue.ts';
import { ALL_QUEUES, startWorkers } from '../jobs/registry.ts';
import { ensureDemoWorkspace } from '../modules/workspace/ensure-demo-workspace.ts';
import { findWorkspace } from '../modules/workspace/workspace-row.ts';
import { createSandbox } from '../sandbox/server.ts';
import { linkDemoWorkspace, SANDBOX_PREFIX } from '../cli/sandbox-wiring.ts';
import { freshDatabase, type Engine } from '../bench/fresh-database.ts';
import { h5Client, loginAdmin, sandboxClient, type AdminClient, type H5Client, type SandboxClient } from './clients.ts';

export interface Instance {
  kind: 'embedded' | 'remote';
  baseUrl: string;
  admin: AdminClient;
  sandbox: SandboxClient;
  h5: H5Client;
  /** The service's database, when the simulator can read it (always when embedded). */
  db: Db | null;
  engine: Engine | null;
  /** Where the data lives (a folder or a masked URL), for the report. */
  where: string;
  close(): Promise<void>;
}

export interface EmbeddedOptions {
  /** A PostgreSQL server: the instance runs on a fresh database created there. */
  databaseUrl?: string | undefined;
  workerConcurrency?: number | undefined;
  /** Keep the data (folder or database) after the run. */
  keep?: boolean;
}

export async function startEmbeddedInstance(o: EmbeddedOptions): Promise<Instance> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fission-sim-'));
  const fresh = await freshDatabase({ prefix: 'fission_sim', serverUrl: o.databaseUrl, keep: o.keep ?? false });
  const { db } = fresh;
  const password = randomBytes(12).toString('base64url');
  const email = 'admin@fission.local';
  const config = loadConfig({
    LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', FISSION_DATA_DIR: dataDir, FISSION_ADMIN_PASSWORD: password,
    ...(o.workerConcurrency ? { FISSION_WORKER_CONCURRENCY: String(o.workerConcurrency) } : {}),
  });
  await ensureDemoWorkspace(db, { email, password });
  const jobs = await JobQueue.start(db, { supervise: true, queues: ALL_QUEUES, monitorIntervalSeconds: config.jobMonitorSeconds });
  // As createEmbeddedSandbox, but reading its public URL late: the port is known only after listen.
  const sandbox = createSandbox({ dataDir: join(dataDir, 'sandbox'), publicUrl: () => config.sandboxUrl, demo: { callbackUrl: `${config.publicUrl}/callback/wecom/demo` } });
  const app = await buildApp({ config, db, jobs, plugins: [{ plugin: sandbox.plugin, prefix: SANDBOX_PREFIX }] });
  await app.listen({ host: '127.0.0.1', port: 0 });
  config.publicUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  config.sandboxUrl = `${config.publicUrl}${SANDBOX_PREFIX}`;
  await linkDemoWorkspace(app, db, config);
  await startWorkers({ db, config, jobs });
  const close = async () => {
    await app.close();
    await sandbox.close();
    await jobs.stop();
    await fresh.dispose();
    if (!o.keep) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    return {
      kind: 'embedded', baseUrl: config.publicUrl, db, engine: fresh.engine, where: o.keep ? `${fresh.where} (kept), sandbox in ${dataDir}` : fresh.where,
      admin: await loginAdmin(config.publicUrl, { email, password, workspace: 'demo' }),
      sandbox: sandboxClient(config.sandboxUrl),
      h5: h5Client(config.publicUrl),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

export interface RemoteOptions {
  url: string;
  email: string;
  password: string;
  workspace: string;
  /** The server's own database, read (never written) for the invariant checks. */
  databaseUrl?: string | undefined;
}

export async function connectRemoteInstance(o: RemoteOptions): Promise<Instance> {
  const baseUrl = o.url.replace(/\/+$/, '');
  const admin = await loginAdmin(baseUrl, { email: o.email, password: o.password, workspace: o.workspace });
  const db = o.databaseUrl ? await openDb({ url: o.databaseUrl }) : null;
  if (db && !(await findWorkspace(db, { slug: o.workspace }))) {
    await db.close();
    throw new Error(`the database given with --database-url has no workspace "${o.workspace}": is it the database of ${baseUrl}?`);
  }
  return {
    kind: 'remote', baseUrl, admin, db, engine: db ? db.kind : null, where: baseUrl,
    sandbox: sandboxClient(`${baseUrl}${SANDBOX_PREFIX}`),
    h5: h5Client(baseUrl),
    close: async () => db?.close(),
  };
}
