// A fresh, migrated database for one bench or simulation run, never the operator's own data:
// PGlite in a new temporary folder (file-backed, as `fission start` runs it), or a new database
// created on the PostgreSQL server a URL names (dropped again at dispose unless kept).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, type Db } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';

export type Engine = 'pglite' | 'postgres';

export interface FreshDatabase {
  engine: Engine;
  db: Db;
  /** The new database's URL (PostgreSQL), or its folder (PGlite), with any password masked. */
  where: string;
  dispose(): Promise<void>;
}

export interface FreshDatabaseOptions {
  /** A PostgreSQL server URL (postgres://user@host/db): a new database is created next to `db`. */
  serverUrl?: string | undefined;
  /** Name prefix of the new database or folder. */
  prefix: string;
  /** Keep the database/folder at dispose (to inspect it afterwards). */
  keep?: boolean;
  poolSize?: number;
}

export function maskUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '****';
  return u.toString();
}

export async function freshDatabase(o: FreshDatabaseOptions): Promise<FreshDatabase> {
  if (!o.serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), `${o.prefix}-`));
    const db = await openDb({ dataDir: dir });
    await migrate(db);
    return {
      engine: 'pglite', db, where: dir,
      async dispose() {
        await db.close();
        if (!o.keep) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `${o.prefix.replace(/[^a-z0-9_]/g, '_')}_${randomBytes(5).toString('hex')}`;
  await withAdmin(o.serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(o.serverUrl);
  url.pathname = `/${name}`;
  const db = await openDb({ url: url.toString(), poolSize: o.poolSize ?? 10 });
  await migrate(db);
  return {
    engine: 'postgres', db, where: maskUrl(url.toString()),
    async dispose() {
      await db.close();
      if (!o.keep) await withAdmin(o.serverUrl!, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin(url: string, fn: (c: pg.Client) => Promise<unknown>): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
  } catch (err) {
    throw new Error(`cannot reach PostgreSQL at ${maskUrl(url)}: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    await fn(c);
  } finally {
    await c.end();
  }
}
