// The trend chart's periods: the API counts per Asia/Shanghai day (and per hour when it has them);
// weeks (Monday first) and months are sums of days. Days without activity are filled with zeros
// so the line does not skip them.
import dayjs from 'dayjs';
import type { HourlyStats, PeriodStats } from '../../api/campaign-types.ts';

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
  const byDay = new Map(daily.map((d) => [d.day, d]));
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

/** The 24 hours of one day as points, labelled by their `YYYY-MM-DDTHH` (Shanghai time). */
export function hourlyPoints(hours: readonly HourlyStats[]): TrendPoint[] {
  return hours.map((h) => ({ label: h.hour, values: { participants: h.participants, completed: h.completed, newFriends: h.newFriends, lostFriends: h.lostFriends } }));
}

/** A point's label as operators read it: 14:00, 06-01, the week of 05-26, 2025年6月 / Jun 2025. */
export function periodLabel(label: string, g: Granularity, t: (key: 'dashboard.weekOf' | 'dashboard.monthLabel', o: Record<string, string>) => string): string {
  if (g === 'hour') return `${label.slice(11, 13)}:00`;
  if (g === 'day') return label.slice(5);
  if (g === 'week') return t('dashboard.weekOf', { day: label.slice(5) });
  const [y, m] = label.split('-');
  return t('dashboard.monthLabel', { year: y!, month: String(Number(m)) });
}
