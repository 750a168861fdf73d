// Reads the trigger-kept counters (migration 0026): one row per campaign, metric, day and slot,
// summed over slots here. Reading cost depends on days × metrics, not on participants or helps.
import type { Queryable } from '../../db/client.ts';

export class StatCounters {
  private readonly byMetric = new Map<string, Map<string, number>>();

  add(metric: string, day: string, n: number): void {
    const days = this.byMetric.get(metric) ?? new Map<string, number>();
    days.set(day, (days.get(day) ?? 0) + n);
    this.byMetric.set(metric, days);
  }

  total(metric: string): number {
    let sum = 0;
    for (const n of this.byMetric.get(metric)?.values() ?? []) sum += n;
    return sum;
  }

  onDay(metric: string, day: string): number {
    return this.byMetric.get(metric)?.get(day) ?? 0;
  }

  /** Metric names starting with `prefix`, e.g. `level:`. */
  metrics(prefix: string): string[] {
    return [...this.byMetric.keys()].filter((m) => m.startsWith(prefix));
  }

  /** Every day some metric was counted on, oldest first. */
  days(): string[] {
    const days = new Set<string>();
    for (const byDay of this.byMetric.values()) for (const [day, n] of byDay) if (n !== 0) days.add(day);
    return [...days].sort();
  }
}

/** Counters per campaign; `metrics` limits what is read (all when omitted). */
export async function readStatCounters(q: Queryable, campaignIds: readonly number[], metrics?: readonly string[]): Promise<Map<number, StatCounters>> {
  const r = await q.query<{ campaignId: number; metric: string; day: string; n: number }>(
    `SELECT campaign_id AS "campaignId", metric, day::text AS day, sum(n)::bigint AS n
     FROM campaign_stat_counters
     WHERE campaign_id = ANY($1::bigint[]) AND ($2::text[] IS NULL OR metric = ANY($2::text[]))
     GROUP BY 1, 2, 3`,
    [campaignIds, metrics ?? null],
  );
  const out = new Map<number, StatCounters>(campaignIds.map((id) => [id, new StatCounters()]));
  for (const row of r.rows) out.get(row.campaignId)?.add(row.metric, row.day, row.n);
  return out;
}
