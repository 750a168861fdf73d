// One database handle over two engines: PGlite (embedded, a data folder) and a PostgreSQL server.
// Use cases receive a `Queryable` (the handle or a transaction) and write plain PostgreSQL.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';

export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

export interface QueryOptions {
  /** PostgreSQL: parse and plan the statement once per connection, then reuse it. Planning is
   *  about half the server's work for a short statement. Only for fixed statements on hot paths
   *  whose plan does not depend on the values (after five runs the server may keep one generic
   *  plan). PGlite ignores it. */
  prepare?: boolean;
}

export interface Queryable {
  /** One statement with $1.. parameters. */
  query<R = Record<string, any>>(text: string, params?: readonly unknown[], opts?: QueryOptions): Promise<QueryResult<R>>;
  /** Several statements, no parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The engine object underneath, for libraries with their own adapters (pg-boss). */
  readonly raw: PGlite | pg.Pool;
}

// Same JS types from both engines: int8 and numeric as numbers (counts and fen fit in 2^53).
const INT8 = 20;
const NUMERIC = 1700;
const toNumber = (v: string) => (v === null ? null : Number(v));

export interface OpenDbOptions {
  /** postgres://… — when set, a PostgreSQL server is used. */
  url?: string | undefined;
  /** PGlite data folder; `memory://` for an in-memory database. */
  dataDir?: string | undefined;
  poolSize?: number;
}

export async function openDb(opts: OpenDbOptions): Promise<Db> {
  return opts.url ? openPostgres(opts.url, opts.poolSize ?? 10) : openPglite(opts.dataDir ?? 'memory://');
}

async function openPostgres(url: string, max: number): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: {
      getTypeParser: ((oid: number, format?: any) =>
        oid === INT8 || oid === NUMERIC ? toNumber : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query(text, params, opts) {
      const values = params as unknown[] | undefined;
      const r = opts?.prepare ? await c.query({ name: statementName(text), text, values }) : await c.query(text, values);
      return { rows: r.rows, rowCount: r.rowCount ?? 0 };
    },
    async exec(sql) {
      await c.query(sql);
    },
  });
  const base = wrap(pool);
  return {
    kind: 'postgres',
    raw: pool,
    ...base,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

const statementNames = new Map<string, string>();
/** One name per statement text, the same in every process (a connection keeps its statements). */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `fission_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`));
  return name;
}

async function openPglite(dataDir: string): Promise<Db> {
  const lite = await PGlite.create(dataDir, { parsers: { [INT8]: toNumber, [NUMERIC]: toNumber } });
  type LiteTx = Pick<PGlite, 'query' | 'exec'>;
  const wrap = (c: LiteTx): Queryable => ({
    async query(text, params) {
      const r = await c.query<any>(text, params as unknown[] | undefined);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql) {
      await c.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    raw: lite,
    ...wrap(lite),
    transaction: (fn) => lite.transaction((tx) => fn(wrap(tx as unknown as LiteTx))),
    close: () => lite.close(),
  };
}
