// The key that signs everything the H5 pages carry: participant and customer links, help codes,
// poster keys and OAuth sessions. Generated once, shared by every process (settings table).
import type { Queryable } from '../../db/client.ts';
import { getOrCreateSecret } from '../settings/get-or-create-secret.ts';

export function linkSecret(q: Queryable): Promise<Buffer> {
  return getOrCreateSecret(q, 'h5-links');
}
