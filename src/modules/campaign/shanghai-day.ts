// Campaign days are Asia/Shanghai calendar days (UTC+8 all year, no daylight saving), as the
// counters' `day` column is (src/db/migrations/0026_campaign_stats.sql).
const OFFSET_MS = 8 * 3600_000;

/** YYYY-MM-DD of `at` in Asia/Shanghai. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}
