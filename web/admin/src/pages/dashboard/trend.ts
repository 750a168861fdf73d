// The trend chart's periods: the API counts per Asia/Shanghai day (and per hour when it has them);
// weeks (Monday first) and months are sums of days. Days without activity are filled with zeros
// so the line does not skip them.
import dayjs from 'dayjs';
import type { PeriodStats } from '../../api/campaign-types.ts';

export type Granularity = 'hour' | 'day' | 'week' | 'month';
export const METRICS = ['participants', 'completed', 'newFriends', 'lostFriends'] as const;
export type Metric = (typeof METRICS)[number];

export interface TrendPoint {
  label: string;
  values: Record<Metric, number>;
}

const zero = (): Record<Metric, number> => ({ participants: 0, completed: 0, newFriends: 0, lostFriends: 0 });

function keyOf(day: string, g: Granularity): string {
  const d = dayjs(day);
  if (g === 'month') return d.format('YYYY-MM');
  if (g === 'week') return d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD');
  return day;
}

/** Daily rows → points from `from` to `to` (YYYY-MM-DD, inclusive), grouped by `g`. */
export function trendPoints(daily: readonly PeriodStats[], g: Exclude<Granularity, 'hour'>, from: string, to: string): TrendPoint[] {
  const byDay = new Map(daily.filter((d) => d.day).map((d) => [d.day!, d]));
  const points = new Map<string, Record<Metric, number>>();
  const last = dayjs(to);
  // Guard against a range far larger than any campaign (bad dates): at most ~3 years of days.
  for (let d = dayjs(from), n = 0; !d.isAfter(last) && n < 1200; d = d.add(1, 'day'), n++) {
    const day = d.format('YYYY-MM-DD');
    const k = keyOf(day, g);
    const acc = points.get(k) ?? zero();
    const row = byDay.get(day);
    if (row) for (const m of METRICS) acc[m] += row[m];
    points.set(k, acc);
  }
  return [...points].map(([label, values]) => ({ label, values }));
}

/** Hourly rows as points (the API's `hour` is `YYYY-MM-DDTHH` in Shanghai time). */
export function hourlyPoints(hourly: readonly PeriodStats[]): TrendPoint[] {
  return hourly.map((h) => ({ label: (h.hour ?? '').replace('T', ' ') + ':00', values: { participants: h.participants, completed: h.completed, newFriends: h.newFriends, lostFriends: h.lostFriends } }));
}
