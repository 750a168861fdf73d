// What an invariant check reports. A check lists a few example violations and how many there were
// in all, so that a badly broken run stays readable.

export interface Violation {
  invariant: string;
  detail: string;
}

export interface InvariantReport {
  ok: boolean;
  /** Names of the invariants checked. */
  checked: string[];
  /** Invariants that could not be checked here, and why (e.g. no database access). */
  skipped: Array<{ invariant: string; reason: string }>;
  violations: Violation[];
}

/** At most this many examples per invariant. */
export const EXAMPLES = 10;

/** Examples as violations, plus one line counting the rest. */
export function violationsOf(invariant: string, details: string[], total = details.length): Violation[] {
  const out = details.slice(0, EXAMPLES).map((detail) => ({ invariant, detail }));
  if (total > out.length) out.push({ invariant, detail: `… and ${total - out.length} more` });
  return out;
}
