// What every long-running command does first: configuration, database, schema check.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describeConfig, loadConfig, type Config, type ConfigFlags } from '../config.ts';
import { openDb, type Db } from '../db/client.ts';
import { migrate, pendingMigrations } from '../db/migrate.ts';

export interface Booted {
  config: Config;
  db: Db;
}

export async function boot(flags: ConfigFlags, opts: { schema: 'migrate' | 'require' | 'any'; needsServer?: string }): Promise<Booted> {
  const config = loadConfig(process.env, flags);
  if (opts.needsServer && !config.databaseUrl) {
    console.error(`fission ${opts.needsServer}: the embedded database (PGlite) belongs to one process. Set DATABASE_URL to a PostgreSQL server to run roles apart, or use \`fission start\`.`);
    process.exit(2);
  }
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const db = await openDb({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
  try {
    await db.query('SELECT 1');
  } catch (err) {
    console.error(`cannot reach the database ${String(describeConfig(config).databaseUrl)}: ${err instanceof Error ? err.message : String(err)}. Check DATABASE_URL and that the server is running.`);
    await db.close().catch(() => {});
    process.exit(1);
  }
  if (opts.schema === 'migrate') await migrate(db);
  else if (opts.schema === 'require') {
    const pending = await pendingMigrations(db);
    if (pending.length) {
      console.error(`the database schema is not up to date (${pending.length} migration(s) pending, first ${String(pending[0]!.version).padStart(4, '0')}_${pending[0]!.name}). Run \`fission migrate\` first.`);
      await db.close();
      process.exit(2);
    }
  }
  return { config, db };
}

/** Starts listening and returns the port. PORT=0 takes a free port; the default public URL then
 *  names the port actually bound, not 0. */
export async function listen(app: FastifyInstance, config: Config): Promise<number> {
  await app.listen({ host: config.host, port: config.port });
  const port = (app.server.address() as AddressInfo).port;
  if (config.port === 0 && config.publicUrl === 'http://localhost:0') {
    const wasDefaultSandbox = config.sandboxUrl === `${config.publicUrl}/sandbox`;
    config.publicUrl = `http://localhost:${port}`;
    if (wasDefaultSandbox) config.sandboxUrl = `${config.publicUrl}/sandbox`;
  }
  return port;
}

/** Stops everything on SIGINT/SIGTERM, in order, once. */
export function onShutdown(steps: Array<() => Promise<unknown>>): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    for (const s of steps) await s().catch((err) => console.error('shutdown step failed:', err));
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
