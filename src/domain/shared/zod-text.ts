// Text fields in schemas: trimmed, with limits counted in characters (code points), which is how
// an operator typing Chinese counts them; zod's own .max() counts UTF-16 units.
import { z } from 'zod';
import { charCount, utf8ByteLength } from './text-limits.ts';

export function boundedText(min: number, max: number) {
  return z
    .string()
    .trim()
    .refine((s) => charCount(s) >= min, { message: min === 1 ? 'must not be empty' : `must be at least ${min} characters` })
    .refine((s) => charCount(s) <= max, { message: `must be at most ${max} characters` });
}

/** Text bounded by UTF-8 bytes, as WeChat APIs count (e.g. message text ≤ 4000 bytes). */
export function byteBoundedText(maxBytes: number) {
  return z
    .string()
    .trim()
    .refine((s) => s.length > 0, { message: 'must not be empty' })
    .refine((s) => utf8ByteLength(s) <= maxBytes, { message: `must be at most ${maxBytes} bytes of UTF-8 (a Chinese character is 3)` });
}

/** Adds an issue at `index` for every entry that repeats an earlier one. */
export function uniqueItems<T>(items: readonly T[], ctx: { addIssue: (issue: { code: 'custom'; message: string; path: PropertyKey[] }) => void }): void {
  const seen = new Set<T>();
  items.forEach((item, index) => {
    if (seen.has(item)) ctx.addIssue({ code: 'custom', message: `duplicate value ${JSON.stringify(item)}`, path: [index] });
    seen.add(item);
  });
}
