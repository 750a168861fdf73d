// Times are stored in UTC and shown in Asia/Shanghai, whatever the browser's own zone: operators
// in China and their server agree on "10:00" even on a laptop set to another zone.
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const ZONE = 'Asia/Shanghai';
const WALL = 'YYYY-MM-DDTHH:mm:ss';

/** `2025-06-01 10:00` in Shanghai time. */
export function formatTime(iso: string | null | undefined, format = 'YYYY-MM-DD HH:mm'): string {
  return iso ? dayjs(iso).tz(ZONE).format(format) : '';
}

/** A picker value (browser-local wall clock) read as Shanghai wall clock → ISO with +08:00. */
export function pickerToIso(value: Dayjs): string {
  return dayjs.tz(value.format(WALL), ZONE).format();
}

/** An instant → a picker value showing its Shanghai wall clock. */
export function isoToPicker(iso: string): Dayjs {
  return dayjs(dayjs(iso).tz(ZONE).format(WALL));
}

/** Now as a picker value (Shanghai wall clock). */
export const nowPicker = (): Dayjs => dayjs(dayjs().tz(ZONE).format(WALL));
