// Times are shown as people in China read them: Asia/Shanghai, 24-hour clock.
const TZ = 'Asia/Shanghai';

const dateTime = new Intl.DateTimeFormat('zh-CN', { timeZone: TZ, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const fullDateTime = new Intl.DateTimeFormat('zh-CN', { timeZone: TZ, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

/** "6月1日 10:00" (with the year when it is not this year). */
export function formatTime(iso: string, now = new Date()): string {
  const d = new Date(iso);
  const sameYear = fullDateTime.formatToParts(d).find((p) => p.type === 'year')?.value === fullDateTime.formatToParts(now).find((p) => p.type === 'year')?.value;
  const parts = (sameYear ? dateTime : fullDateTime).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${sameYear ? '' : `${get('year')}年`}${get('month')}月${get('day')}日 ${get('hour')}:${get('minute')}`;
}

export interface Remaining {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Time left until `iso`; null once it has passed. */
export function remaining(iso: string, nowMs = Date.now()): Remaining | null {
  const ms = new Date(iso).getTime() - nowMs;
  if (!(ms > 0)) return null;
  const s = Math.floor(ms / 1000);
  return { days: Math.floor(s / 86_400), hours: Math.floor((s % 86_400) / 3600), minutes: Math.floor((s % 3600) / 60), seconds: s % 60 };
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "刚刚", "5分钟前", "3小时前", else the date. */
export function timeAgo(iso: string, nowMs = Date.now()): string {
  const s = Math.max(0, Math.floor((nowMs - new Date(iso).getTime()) / 1000));
  if (s < 60) return '刚刚';
  if (s < 3600) return `${Math.floor(s / 60)}分钟前`;
  if (s < 86_400) return `${Math.floor(s / 3600)}小时前`;
  return formatTime(iso, new Date(nowMs));
}
