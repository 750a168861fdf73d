// The prize-delivery form a winner fills in for a physical reward (seed 000 §2.2 ①). Shared by
// every play that ships goods (task fission, bargain, card collection…). Lengths count characters,
// so a 20-character limit means 20 汉字 too. Each error carries a stable `code` (plus `params`) for
// the H5 page to show in its own language; `message` is English for logs and API clients.
import type { FieldError } from '../../errors.ts';
import { charCount } from './text-limits.ts';

export interface AddressForm {
  name: string;
  mobile: string;
  province: string;
  city: string;
  district: string;
  address: string;
}

export type AddressErrorCode = 'required' | 'invalid_type' | 'too_short' | 'too_long' | 'invalid_chars' | 'invalid_mobile';

export interface AddressFieldError extends FieldError {
  path: keyof AddressForm;
  code: AddressErrorCode;
  params?: { min?: number; max?: number };
}

export type AddressFormResult = { ok: true; value: AddressForm } | { ok: false; errors: AddressFieldError[] };

const TEXT_FIELDS = {
  name: { min: 1, max: 20 },
  province: { min: 1, max: 20 },
  city: { min: 1, max: 20 },
  district: { min: 1, max: 20 },
  address: { min: 5, max: 120 },
} as const;

// Mainland mobile numbers: 11 digits, 1 then 3–9.
const MOBILE = /^1[3-9]\d{9}$/;

export function parseAddressForm(input: unknown): AddressFormResult {
  const source = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const errors: AddressFieldError[] = [];
  const value = {} as AddressForm;

  for (const [field, { min, max }] of Object.entries(TEXT_FIELDS) as [keyof typeof TEXT_FIELDS, { min: number; max: number }][]) {
    const text = readText(source, field, errors);
    if (text === null) continue;
    const length = charCount(text);
    if (length < min) errors.push(min === 1 ? required(field) : { path: field, code: 'too_short', message: `${field} must be at least ${min} characters`, params: { min } });
    else if (length > max) errors.push({ path: field, code: 'too_long', message: `${field} must be at most ${max} characters`, params: { max } });
    else value[field] = text;
  }

  const mobile = readText(source, 'mobile', errors);
  if (mobile !== null) {
    const normalized = normalizeMobile(mobile);
    if (normalized === '') errors.push(required('mobile'));
    else if (MOBILE.test(normalized)) value.mobile = normalized;
    else errors.push({ path: 'mobile', code: 'invalid_mobile', message: 'mobile must be an 11-digit mainland China mobile number' });
  }

  return errors.length ? { ok: false, errors: sortByFormOrder(errors) } : { ok: true, value };
}

/** Trimmed text with inner whitespace runs (newlines, tabs) folded to one space; null after an error. */
function readText(source: Record<string, unknown>, field: keyof AddressForm, errors: AddressFieldError[]): string | null {
  const raw = source[field];
  if (raw === undefined || raw === null) {
    errors.push(required(field));
    return null;
  }
  if (typeof raw !== 'string') {
    errors.push({ path: field, code: 'invalid_type', message: `${field} must be text` });
    return null;
  }
  const text = raw.replace(/\s+/gu, ' ').trim();
  if (/\p{Cc}/u.test(text)) {
    errors.push({ path: field, code: 'invalid_chars', message: `${field} contains control characters` });
    return null;
  }
  return text;
}

// People type "138 0013 8000", "138-0013-8000" or "+86 13800138000": keep the 11 digits.
function normalizeMobile(text: string): string {
  const compact = text.replace(/[\s-]/g, '');
  return compact.replace(/^(?:\+86|0086)(?=\d{11}$)/, '');
}

function required(field: keyof AddressForm): AddressFieldError {
  return { path: field, code: 'required', message: `${field} is required` };
}

const ORDER: (keyof AddressForm)[] = ['name', 'mobile', 'province', 'city', 'district', 'address'];
function sortByFormOrder(errors: AddressFieldError[]): AddressFieldError[] {
  return errors.sort((a, b) => ORDER.indexOf(a.path) - ORDER.indexOf(b.path));
}
