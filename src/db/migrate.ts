// Numbered, forward-only SQL migrations (src/db/migrations/NNNN_name.sql).
// All pending files run in one transaction under an advisory lock, so two processes migrating at
// once serialise: the second waits, then finds nothing left to do.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db, Queryable } from './client.ts';

const DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const LOCK_KEY = 727_465_001; // arbitrary, fixed: "fission migrations"

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(): Migration[] {
  return readdirSync(DIR)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f.slice(5, -4), sql: readFileSync(DIR + f, 'utf8') }));
}

async function ensureTable(q: Queryable): Promise<void> {
  await q.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now())`);
}

/** Applies pending migrations; returns the ones applied by this call. */
export async function migrate(db: Db): Promise<Migration[]> {
  const all = listMigrations();
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await ensureTable(tx);
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const pending = all.filter((m) => !done.has(m.version));
    for (const m of pending) {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    return pending;
  });
}

/** Versions not yet applied (all of them on an empty database). */
export async function pendingMigrations(db: Db): Promise<Migration[]> {
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations')::text AS t`);
  if (!exists.rows[0]?.t) return listMigrations();
  const done = new Set((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
  return listMigrations().filter((m) => !done.has(m.version));
}
