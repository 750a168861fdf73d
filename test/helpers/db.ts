// Every integration test file gets its own database: an in-memory PGlite always, and a fresh
// PostgreSQL database (created and dropped around the file) when TEST_DATABASE_URL is set.
import { describe, before, after } from 'node:test';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, type Db } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';

export type Engine = 'pglite' | 'postgres';

export function engines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase {
  db: Db;
  /** Connection string (PostgreSQL only) for child processes that need their own connection. */
  url: string | undefined;
  dispose(): Promise<void>;
}

/** A new, empty, migrated database on `engine`. */
export async function createTestDatabase(engine: Engine, opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const db = await openDb({ dataDir: 'memory://' });
    if (opts.migrate !== false) await migrate(db);
    return { db, url: undefined, dispose: () => db.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `fission_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDb({ url: url.toString() });
  if (opts.migrate !== false) await migrate(db);
  return {
    db,
    url: url.toString(),
    async dispose() {
      await db.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/**
 * Declares the suite once per engine. `body` receives a getter for the suite's database,
 * valid inside its tests and hooks.
 */
export function describeEachEngine(title: string, body: (ctx: () => TestDatabase, engine: Engine) => void): void {
  for (const engine of engines()) {
    describe(`${title} [${engine}]`, () => {
      let t: TestDatabase | undefined;
      before(async () => {
        t = await createTestDatabase(engine);
      });
      after(async () => {
        await t?.dispose();
      });
      body(() => {
        if (!t) throw new Error('database not ready: use it inside tests or hooks');
        return t;
      }, engine);
    });
  }
}
