// Jobs in PostgreSQL through pg-boss (on PGlite with its official adapter). A job is sent in the
// same transaction as the state change that causes it (`tx`), and may carry an idempotency key:
// a second send with the same key is a no-op. Handlers must be idempotent too — delivery is
// at-least-once (a worker killed mid-run is retried once its run expires).
import { createHash } from 'node:crypto';
import { PgBoss, fromPglite, type Db as IDatabase } from 'pg-boss';
import type { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from '../db/client.ts';
import type { JobDef } from './define-job.ts';

export interface JobContext {
  id: string;
  retryCount: number;
}
export type JobHandler<T> = (data: T, ctx: JobContext) => Promise<void>;

export interface SendOptions {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  tx?: Queryable;
  /** Idempotency key: at most one job per (queue, key), ever. */
  key?: string;
  startAfter?: Date | number;
}

export interface QueueOptions {
  /** Every queue this process sends to or works on; created at start (never inside a transaction:
   *  on PGlite that would wait on the transaction's own connection). */
  queues: ReadonlyArray<JobDef<any>>;
  /** Run maintenance (expiry of dead runs, retention). Workers do; a pure `serve` does not. */
  supervise: boolean;
  /** Seconds between checks for expired runs; small in tests. */
  monitorIntervalSeconds?: number;
  pollingIntervalSeconds?: number;
  onError?: (err: unknown) => void;
}

/** A UUID derived from (queue, key), so duplicates collide on pg-boss's primary key. */
function keyToId(queue: string, key: string): string {
  const h = createHash('sha256').update(`${queue}\u0000${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// pg-boss's insert is one fixed statement per queue: prepared, since planning it costs the server
// as much as running it (bench: ~0.3 ms of ~0.6 ms per job on PostgreSQL).
const txAdapter = (tx: Queryable): IDatabase => ({
  executeSql: (text, values) => tx.query(text, values as unknown[] | undefined, { prepare: values !== undefined && values.length > 0 }) as never,
});

export class JobQueue {
  readonly boss: PgBoss;
  private readonly known = new Set<string>();

  private constructor(boss: PgBoss) {
    this.boss = boss;
  }

  static async start(db: Db, opts: QueueOptions): Promise<JobQueue> {
    const common = {
      schema: 'pgboss',
      supervise: opts.supervise,
      schedule: false,
      // The supervise timer paces every maintenance pass: without it, expiry of dead runs would wait
      // pg-boss's default 60 s however small monitorIntervalSeconds is.
      ...(opts.monitorIntervalSeconds ? {
        superviseIntervalSeconds: opts.monitorIntervalSeconds,
        monitorIntervalSeconds: opts.monitorIntervalSeconds,
        maintenanceIntervalSeconds: opts.monitorIntervalSeconds,
      } : {}),
    };
    const boss = db.kind === 'pglite'
      ? new PgBoss({ ...common, db: fromPglite(db.raw as PGlite), backend: 'pglite' })
      : new PgBoss({ ...common, connectionString: connectionStringOf(db), max: 4 });
    boss.on('error', opts.onError ?? (() => {}));
    await boss.start();
    const q = new JobQueue(boss);
    for (const def of opts.queues) {
      const { retryLimit, retryDelay, retryDelayMax, expireInSeconds } = def.retry;
      const policy = { retryLimit, retryDelay, retryBackoff: true, expireInSeconds, ...(retryDelayMax ? { retryDelayMax } : {}) };
      await boss.createQueue(def.name, policy).catch(async (err: unknown) => {
        // Another process created it first: bring its policy up to date instead.
        if (!(await boss.getQueue(def.name))) throw err;
      });
      await boss.updateQueue(def.name, policy);
      q.known.add(def.name);
    }
    return q;
  }

  private check(def: JobDef<unknown>): void {
    if (!this.known.has(def.name)) throw new Error(`job queue ${def.name} was not declared when the queue started`);
  }

  /** Enqueues; returns the job id, or null when a job with the same key already exists. */
  async send<T>(def: JobDef<T>, data: T, opts: SendOptions = {}): Promise<string | null> {
    const payload = def.schema.parse(data);
    this.check(def as JobDef<unknown>);
    return this.boss.send(def.name, payload as object, {
      ...(opts.tx ? { db: txAdapter(opts.tx) } : {}),
      ...(opts.key ? { id: keyToId(def.name, opts.key) } : {}),
      ...(opts.startAfter !== undefined ? { startAfter: opts.startAfter } : {}),
    });
  }

  /** Runs `handler` for each job of `def`, up to `concurrency` at once in this process.
   *  A pg-boss poller waits a whole polling interval after every fetch unless its fetch came back
   *  full, so one job per fetch would cap a process at `concurrency` jobs a second however long the
   *  backlog. Pollers therefore take two jobs at a time, run them side by side and fetch again at
   *  once while fetches come back full. Each job succeeds or fails on its own. */
  async work<T>(def: JobDef<T>, concurrency: number, handler: JobHandler<T>, pollingIntervalSeconds = 1): Promise<void> {
    this.check(def as JobDef<unknown>);
    const batchSize = concurrency > 1 ? 2 : 1;
    const options = {
      localConcurrency: Math.floor(concurrency / batchSize), batchSize, burstWhenBatchFull: true,
      pollingIntervalSeconds, includeMetadata: true, perJobResults: true,
    } as const;
    await this.boss.work<T>(def.name, options, (jobs) => Promise.all(jobs.map(async (job) => {
      try {
        await handler(def.schema.parse(job.data), { id: job.id, retryCount: job.retryCount ?? 0 });
        return { id: job.id, status: 'completed' as const };
      } catch (err) {
        return { id: job.id, status: 'failed' as const, output: err };
      }
    })));
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 10_000, close: true });
  }
}

function connectionStringOf(db: Db): string {
  const pool = db.raw as { options?: { connectionString?: string } };
  const cs = pool.options?.connectionString;
  if (!cs) throw new Error('PostgreSQL pool has no connection string');
  return cs;
}
