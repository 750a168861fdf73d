// Every row of every table we own, plus the job count: compared before and after a refused request
// to show that it changed nothing.
import type { Queryable } from '../../src/db/client.ts';

export async function snapshot(q: Queryable): Promise<Record<string, unknown>> {
  const tables = await q.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const out: Record<string, unknown> = {};
  for (const { name } of tables.rows) {
    const r = await q.query<{ rows: unknown }>(`SELECT coalesce(json_agg(t ORDER BY t::text), '[]'::json) AS rows FROM "${name}" t`);
    out[name] = r.rows[0]?.rows;
  }
  const jobs = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job`);
  out['pgboss.job'] = jobs.rows[0]?.n;
  return out;
}
