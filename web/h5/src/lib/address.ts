// The prize address form's rules are the server's own (src/domain/shared/address-form.ts, bundled
// here), so what passes as you type is exactly what the server accepts; this file only words the
// errors in Chinese.
import { parseAddressForm, type AddressErrorCode, type AddressForm } from '../../../../src/domain/shared/address-form.ts';
import type { FieldError } from './api.ts';

export type { AddressForm };
export const ADDRESS_FIELDS = ['name', 'mobile', 'province', 'city', 'district', 'address'] as const;

export const ADDRESS_LABELS: Record<keyof AddressForm, string> = {
  name: '收货人',
  mobile: '手机号',
  province: '省份',
  city: '城市',
  district: '区/县',
  address: '详细地址',
};

function message(field: keyof AddressForm, code: string | undefined, params: { min?: number; max?: number } | undefined): string {
  const label = ADDRESS_LABELS[field];
  switch (code as AddressErrorCode | undefined) {
    case 'required':
    case 'invalid_type':
      return `请填写${label}`;
    case 'too_short':
      return `${label}至少 ${params?.min ?? ''} 个字`;
    case 'too_long':
      return `${label}最多 ${params?.max ?? ''} 个字`;
    case 'invalid_chars':
      return `${label}含有无法识别的字符`;
    case 'invalid_mobile':
      return '请填写 11 位中国大陆手机号';
    default:
      return `请检查${label}`;
  }
}

/** Chinese error per field for the form as typed; empty when it would be accepted. */
export function addressErrors(form: Record<keyof AddressForm, string>): Partial<Record<keyof AddressForm, string>> {
  const r = parseAddressForm(form);
  if (r.ok) return {};
  const out: Partial<Record<keyof AddressForm, string>> = {};
  for (const e of r.errors) out[e.path] ??= message(e.path, e.code, e.params);
  return out;
}

/** The server's field errors (same codes), worded the same way. */
export function serverAddressErrors(fields: FieldError[]): Partial<Record<keyof AddressForm, string>> {
  const out: Partial<Record<keyof AddressForm, string>> = {};
  for (const f of fields) {
    const path = f.path.replace(/^body\./, '') as keyof AddressForm;
    if ((ADDRESS_FIELDS as readonly string[]).includes(path)) out[path] ??= message(path, f.code, f.params);
  }
  return out;
}
