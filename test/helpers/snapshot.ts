// Every row of every table we own, plus the job count: compared before and after a refused request
// to show that it changed nothing. Read in one statement, as the refusal tests take hundreds.
import type { Queryable } from '../../src/db/client.ts';

export async function snapshot(q: Queryable): Promise<Record<string, unknown>> {
  const tables = await q.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const parts = tables.rows.map(({ name }) => `'${name}', (SELECT coalesce(json_agg(t ORDER BY t::text), '[]'::json) FROM "${name}" t)`);
  parts.push(`'pgboss.job', (SELECT count(*) FROM pgboss.job)`);
  // A function takes at most 100 arguments: 40 tables per jsonb_build_object, merged with ||.
  const chunks: string[] = [];
  for (let i = 0; i < parts.length; i += 40) chunks.push(`jsonb_build_object(${parts.slice(i, i + 40).join(', ')})`);
  const r = await q.query<{ all: Record<string, unknown> }>(`SELECT ${chunks.join(' || ')} AS all`);
  return r.rows[0]!.all;
}
