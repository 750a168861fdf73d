// Reading request fields the way WeCom checks them: a wrong type is 40058 "invalid parameter"
// naming the field; lengths are counted in characters (code points) or UTF-8 bytes as documented.
import { fail } from './route.ts';
import type { Json } from './route.ts';

export const chars = (s: string) => [...s].length;
export const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

const invalid = (name: string, why: string): never => fail(40058, `invalid parameter ${name}: ${why}`);

export function optString(body: Json, name: string): string | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') return invalid(name, 'must be a string');
  return v;
}

export function optInt(body: Json, name: string): number | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  // WeCom tolerates numeric strings for ints.
  const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) return invalid(name, 'must be an integer');
  return n;
}

export function optBool(body: Json, name: string): boolean | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  if (v === 0 || v === 1) return v === 1;
  return invalid(name, 'must be a boolean');
}

export function optStringArray(body: Json, name: string): string[] | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return invalid(name, 'must be a list of strings');
  return v as string[];
}

export function optIntArray(body: Json, name: string): number[] | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => !Number.isInteger(x))) return invalid(name, 'must be a list of integers');
  return v as number[];
}

export function optObject(body: Json, name: string): Json | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) return invalid(name, 'must be an object');
  return v as Json;
}

export function maxChars(name: string, value: string | undefined, max: number): void {
  if (value !== undefined && chars(value) > max) invalid(name, `longer than ${max} characters`);
}

export function maxBytes(name: string, value: string | undefined, max: number): void {
  if (value !== undefined && bytes(value) > max) invalid(name, `longer than ${max} bytes`);
}

export { invalid };
