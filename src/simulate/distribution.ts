// How many times a participant shares their poster: a distribution given on the command line as
//   fixed:N | poisson:MEAN | geometric:MEAN | uniform:MIN-MAX | K:W,K:W,… (K shares with weight W)
import type { Random } from '../db/seeders/random.ts';

export type Distribution =
  | { kind: 'fixed'; n: number }
  | { kind: 'poisson'; mean: number }
  | { kind: 'geometric'; mean: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'weights'; values: Array<{ k: number; w: number }> };

const int = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : Number.NaN);
const num = (s: string | undefined) => (s !== undefined && /^\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN);

/** Parses a spec; throws RangeError saying what is expected. */
export function parseDistribution(spec: string): Distribution {
  const bad = () => new RangeError(`"${spec}" is not a distribution: use fixed:N, poisson:MEAN, geometric:MEAN, uniform:MIN-MAX or K:W,K:W,…`);
  const [kind, arg] = spec.trim().split(/:(.*)/s);
  switch (kind) {
    case 'fixed': {
      const n = int(arg);
      if (!(n >= 0 && n <= 1000)) throw bad();
      return { kind, n };
    }
    case 'poisson':
    case 'geometric': {
      const mean = num(arg);
      if (!(mean >= 0 && mean <= 100)) throw bad();
      return { kind, mean };
    }
    case 'uniform': {
      const [min, max] = (arg ?? '').split('-').map(int);
      if (!(min! >= 0 && max! >= min! && max! <= 1000)) throw bad();
      return { kind, min: min!, max: max! };
    }
    default: {
      const values = spec.split(',').map((pair) => {
        const [k, w] = pair.split(':');
        return { k: int(k?.trim()), w: num(w?.trim()) };
      });
      if (!values.length || values.some((v) => !(v.k >= 0 && v.k <= 1000 && v.w >= 0)) || values.every((v) => v.w === 0)) throw bad();
      return { kind: 'weights', values };
    }
  }
}

export function drawFrom(d: Distribution, rnd: Random): number {
  switch (d.kind) {
    case 'fixed':
      return d.n;
    case 'poisson': {
      // Knuth: fine for the small means a share count has.
      const limit = Math.exp(-d.mean);
      let k = 0;
      for (let p = rnd.next(); p > limit; p *= rnd.next()) k++;
      return k;
    }
    case 'geometric': {
      // Failures before the first success with p = 1 / (1 + mean).
      const p = 1 / (1 + d.mean);
      let k = 0;
      while (rnd.next() >= p && k < 1000) k++;
      return k;
    }
    case 'uniform':
      return rnd.int(d.min, d.max);
    case 'weights': {
      const total = d.values.reduce((a, v) => a + v.w, 0);
      let x = rnd.next() * total;
      for (const v of d.values) if ((x -= v.w) < 0) return v.k;
      return d.values.at(-1)!.k;
    }
  }
}

export function meanOf(d: Distribution): number {
  switch (d.kind) {
    case 'fixed':
      return d.n;
    case 'poisson':
    case 'geometric':
      return d.mean;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'weights': {
      const total = d.values.reduce((a, v) => a + v.w, 0);
      return d.values.reduce((a, v) => a + v.k * v.w, 0) / total;
    }
  }
}
