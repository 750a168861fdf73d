// Server secrets that must survive restarts and be shared by every process (e.g. the key that signs
// participant links): generated once, kept in the settings table. A secret never changes once
// stored, so each database handle reads it once (every callback and H5 request needs the link key).
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/client.ts';

const known = new WeakMap<Queryable, Map<string, Buffer>>();

export async function getOrCreateSecret(q: Queryable, key: string): Promise<Buffer> {
  const hit = known.get(q)?.get(key);
  if (hit) return hit;
  const fresh = randomBytes(32).toString('base64');
  await q.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [`secret:${key}`, fresh]);
  const r = await q.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [`secret:${key}`]);
  const secret = Buffer.from(r.rows[0]!.value, 'base64');
  // Only what the database holds is remembered: inside a transaction that later rolls back, the
  // handle (tx) is gone with it.
  let forHandle = known.get(q);
  if (!forHandle) known.set(q, (forHandle = new Map()));
  forHandle.set(key, secret);
  return secret;
}
