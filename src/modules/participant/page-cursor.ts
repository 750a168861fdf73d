// Keyset pagination for lists that grow to millions of rows (OFFSET would scan everything before
// the page): the cursor is the sort key of the last row returned, opaque to clients.
import { validationError } from '../../errors.ts';

export function encodeCursor(key: readonly number[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key in `cursor`, which must hold `length` integers; a bad cursor names the field. */
export function decodeCursor(cursor: string | undefined, length: number): number[] | null {
  if (cursor === undefined || cursor === '') return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  if (!Array.isArray(key) || key.length !== length || !key.every((n) => Number.isSafeInteger(n))) {
    throw validationError([{ path: 'cursor', message: 'is not a cursor this list returned' }]);
  }
  return key as number[];
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Builds a page from `limit + 1` fetched rows. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => number[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
