// Server secrets that must survive restarts and be shared by every process (e.g. the key that signs
// participant links): generated once, kept in the settings table.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/client.ts';

export async function getOrCreateSecret(q: Queryable, key: string): Promise<Buffer> {
  const fresh = randomBytes(32).toString('base64');
  await q.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [`secret:${key}`, fresh]);
  const r = await q.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [`secret:${key}`]);
  return Buffer.from(r.rows[0]!.value, 'base64');
}
