// Callback ingestion: encrypted, signed change_external_contact callbacks POSTed over loopback to
// the real /callback/wecom/:workspace route (verify, decrypt, parse, insert into the inbox and
// enqueue its job in one transaction, answer `success`), against the baseline: a bare route on the
// same server and database that inserts the raw body and answers. Each is measured
//   - at a fixed arrival rate (open loop): answers/s and acknowledgement latency from due time;
//   - at capacity (closed loop, many clients): answers/s, whose ratio route/baseline is the cost
//     of the intake's own work.
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../db/client.ts';
import { startBenchInstance } from './bench-instance.ts';
import type { Engine } from './fresh-database.ts';
import { runLoad, type LoadSummary } from './load/run-load.ts';
import { startServerCpuClock } from './server-cpu.ts';
import { sealedContactAdds } from './sealed-callbacks.ts';

export interface IngestionOptions {
  /** Arrival rate of the open-loop runs, callbacks/s. */
  rate: number;
  /** Length of each open-loop run, seconds. */
  seconds: number;
  /** Requests and clients of each capacity run. */
  capacityRequests: number;
  capacityClients: number;
}

export interface CallbackIngestionResult {
  engine: Engine;
  atRate: { route: LoadSummary; baseline: LoadSummary };
  capacity: { route: LoadSummary; baseline: LoadSummary; ratio: number };
}

const BARE_TABLE = `CREATE TABLE IF NOT EXISTS bench_raw_callbacks (
  id bigserial PRIMARY KEY, workspace text NOT NULL, body text NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`;

/** The baseline: what any intake must do at least — read the body, insert it, answer. */
function bareRoute(db: Db): FastifyPluginAsync {
  return async (app) => {
    app.addContentTypeParser(['text/xml', 'application/xml'], { parseAs: 'string' }, (_r, body, done) => done(null, body));
    app.post('/bench/bare-callback/:workspace', async (req, reply) => {
      const { workspace } = req.params as { workspace: string };
      await db.query(`INSERT INTO bench_raw_callbacks (workspace, body) VALUES ($1, $2)`, [workspace, req.body as string]);
      return reply.type('text/plain; charset=utf-8').send('success');
    });
  };
}

export async function benchCallbackIngestion(db: Db, engine: Engine, o: IngestionOptions, log: (line: string) => void): Promise<CallbackIngestionResult> {
  await db.exec(BARE_TABLE);
  const inst = await startBenchInstance(db, { slug: 'bench', plugins: [{ plugin: bareRoute(db) }] });
  let batch = 0;
  const callbacks = (count: number, path: string) => sealedContactAdds(inst.creds, count, { path, tag: String(batch++) });
  const route = (count: number) => callbacks(count, `/callback/wecom/${inst.slug}`);
  const bare = (count: number) => callbacks(count, `/bench/bare-callback/${inst.slug}`);
  // A request the client gave up on is still being served: let the server finish before the next run.
  const load = async (requests: ReturnType<typeof route>, plan: { mode: 'open'; rate: number } | { mode: 'closed'; concurrency: number }): Promise<LoadSummary> => {
    const clock = await startServerCpuClock(db);
    const r = await runLoad({ origin: inst.origin, requests, plan, timeoutMs: 10_000 });
    const dbMs = clock ? await clock.elapsedMs() : null;
    if (r.ok < r.requests) await settled(db);
    return { ...r, dbCpuMsPerRequest: dbMs === null ? null : Math.round((dbMs / requests.length) * 100) / 100 };
  };
  try {
    log(`ingestion [${engine}]: warm-up`);
    await load(route(300), { mode: 'closed', concurrency: 8 });
    await load(bare(300), { mode: 'closed', concurrency: 8 });

    const n = Math.round(o.rate * o.seconds);
    log(`ingestion [${engine}]: ${n} callbacks at ${o.rate}/s through the route, then the baseline`);
    const atRoute = await load(route(n), { mode: 'open', rate: o.rate });
    const atBare = await load(bare(n), { mode: 'open', rate: o.rate });

    log(`ingestion [${engine}]: capacity, ${o.capacityRequests} callbacks from ${o.capacityClients} clients, route then baseline`);
    const capRoute = await load(route(o.capacityRequests), { mode: 'closed', concurrency: o.capacityClients });
    const capBare = await load(bare(o.capacityRequests), { mode: 'closed', concurrency: o.capacityClients });
    return {
      engine,
      atRate: { route: atRoute, baseline: atBare },
      capacity: { route: capRoute, baseline: capBare, ratio: Math.round((capRoute.perSecond / capBare.perSecond) * 100) / 100 },
    };
  } finally {
    await inst.close();
  }
}

/** Waits until the stored callbacks stop changing for half a second. */
async function settled(db: Db): Promise<void> {
  const count = async () => (await db.query<{ n: number }>(`SELECT (SELECT count(*) FROM inbox) + (SELECT count(*) FROM bench_raw_callbacks) AS n`)).rows[0]!.n;
  let last = -1;
  for (let now = await count(); now !== last; now = await count()) {
    last = now;
    await new Promise((r) => setTimeout(r, 500));
  }
}
