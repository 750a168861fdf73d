// One simulated WeChat user: a sandbox person plus everything they will do, drawn up front from
// their own random stream (seed, ordinal), so the same seed gives the same crowd with the same
// behaviour whatever order the run happens to meet them in.
import { seededRandom } from '../db/seeders/random.ts';
import { drawFrom } from './distribution.ts';
import type { CrowdOptions } from './options.ts';

export interface PlannedShare {
  /** Someone sees the poster and opens the help page. */
  scanned: boolean;
  /** …and it is someone already in the crowd rather than a newcomer. */
  byKnownPerson: boolean;
  /** …and they go on to add the staff member. */
  completes: boolean;
  /** Which known person, as a fraction of the crowd so far. */
  pick: number;
}

export interface Person {
  ordinal: number;
  sandboxId: string;
  shares: PlannedShare[];
  churns: boolean;
  churnDelayMs: number;
  /** Known once they added the staff member. */
  externalUserId?: string;
  staffUserId?: string;
  /** Got their personal link (welcome card or group-send) and took part. */
  joined: boolean;
  churned: boolean;
}

/** Mixes a run seed and an ordinal into one 32-bit seed (splitmix-style). */
export function personSeed(seed: number, ordinal: number): number {
  let h = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(ordinal + 1, 0xc2b2ae35)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

export function planPerson(o: CrowdOptions, ordinal: number, sandboxId: string): Person {
  const rnd = seededRandom(personSeed(o.seed, ordinal));
  const churns = rnd.chance(o.churnProbability);
  const churnDelayMs = Math.round(o.churnDelaySeconds * 1000 * (0.5 + rnd.next()));
  const shares = Array.from({ length: drawFrom(o.shares, rnd) }, () => ({
    scanned: rnd.chance(o.scanProbability),
    byKnownPerson: rnd.chance(o.rescanProbability),
    completes: rnd.chance(o.completeProbability),
    pick: rnd.next(),
  }));
  return { ordinal, sandboxId, shares, churns, churnDelayMs, joined: false, churned: false };
}
