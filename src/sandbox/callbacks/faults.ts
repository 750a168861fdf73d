// Injected delivery faults, mimicking WeChat's "callbacks may be duplicated, lost or out of order".
import { seededRng } from '../rng.ts';
import type { Rng } from '../rng.ts';

export interface FaultRates {
  /** Chance a delivery is sent twice (the copy goes after the original settles). */
  duplicateRate: number;
  /** Chance a delivery is never sent. */
  lossRate: number;
  /** Chance a delivery is held back until the next one has been delivered. */
  reorderRate: number;
  seed?: number;
}

/** Per-request overrides: exact faults for one action's callbacks. */
export interface DeliveryFaults {
  /** Extra copies to send (true = 1). */
  duplicate?: boolean | number;
  drop?: boolean;
  /** Hold until the next delivery has been sent. */
  reorder?: boolean;
  /** Hold until released through the sandbox API. */
  hold?: boolean;
}

export const NO_FAULTS: FaultRates = { duplicateRate: 0, lossRate: 0, reorderRate: 0 };

export interface FaultPlan {
  copies: number;
  drop: boolean;
  reorder: boolean;
  hold: boolean;
}

export function createFaultPicker(initial: FaultRates = NO_FAULTS) {
  let rates = initial;
  let rng: Rng = seededRng(initial.seed ?? 1);
  return {
    rates: () => rates,
    setRates(next: FaultRates) {
      for (const k of ['duplicateRate', 'lossRate', 'reorderRate'] as const) {
        if (!(next[k] >= 0 && next[k] <= 1)) throw new RangeError(`${k} must be between 0 and 1`);
      }
      rates = next;
      rng = seededRng(next.seed ?? 1);
    },
    plan(explicit: DeliveryFaults = {}): FaultPlan {
      const roll = (rate: number) => rate > 0 && rng.next() < rate;
      const dup = explicit.duplicate;
      return {
        copies: dup === undefined ? (roll(rates.duplicateRate) ? 1 : 0) : dup === true ? 1 : dup === false ? 0 : Math.max(0, Math.floor(dup)),
        drop: explicit.drop ?? roll(rates.lossRate),
        reorder: explicit.reorder ?? roll(rates.reorderRate),
        hold: explicit.hold ?? false,
      };
    },
  };
}
