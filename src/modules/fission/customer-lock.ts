// Everything that changes one customer's standing in a workspace (their add, their delete, their
// help, their join from the H5 page) runs under one transaction-scoped advisory lock, so two events
// of the same person never interleave: help limits, "already helped" and reordered deletes are
// decided on settled facts.
import type { Queryable } from '../../db/client.ts';

export async function lockCustomer(tx: Queryable, workspaceId: string, externalUserId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`fission:customer:${workspaceId}:${externalUserId}`]);
}
