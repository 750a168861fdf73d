// The workspace settings form: which fields exist, which are secrets (the API shows those masked,
// and a masked value must never be sent back), and how the form's values become a PATCH body.

export const SECRET_FIELDS = ['wecomContactSecret', 'wecomAgentSecret', 'wecomCallbackToken', 'wecomCallbackAesKey', 'oaAppSecret', 'oaCallbackToken', 'oaCallbackAesKey', 'payApiKey'] as const;
export const PLAIN_FIELDS = ['wecomCorpId', 'wecomAgentId', 'oaAppId', 'oaOriginalId', 'oaProgressTemplateId', 'oaProgressTemplateFields', 'oaVerifyFile', 'payMchId'] as const;

export type SecretField = (typeof SECRET_FIELDS)[number];
export type PlainField = (typeof PLAIN_FIELDS)[number];
export type SettingsField = SecretField | PlainField | 'name' | 'useSandbox';

export const GROUPS: ReadonlyArray<{ key: 'wecom' | 'oa' | 'pay'; fields: ReadonlyArray<SecretField | PlainField>; callback?: 'wecom' | 'oa' }> = [
  { key: 'wecom', fields: ['wecomCorpId', 'wecomAgentId', 'wecomContactSecret', 'wecomAgentSecret', 'wecomCallbackToken', 'wecomCallbackAesKey'], callback: 'wecom' },
  { key: 'oa', fields: ['oaAppId', 'oaOriginalId', 'oaAppSecret', 'oaCallbackToken', 'oaCallbackAesKey', 'oaProgressTemplateId', 'oaProgressTemplateFields', 'oaVerifyFile'], callback: 'oa' },
  { key: 'pay', fields: ['payMchId', 'payApiKey'] },
];

/** Fields for which "generate" makes sense: WeChat asks the developer to choose them. */
export const GENERATED: Partial<Record<SecretField, number>> = { wecomCallbackToken: 32, wecomCallbackAesKey: 43, oaCallbackToken: 32, oaCallbackAesKey: 43 };

export const isSecret = (f: string): f is SecretField => (SECRET_FIELDS as readonly string[]).includes(f);
export const isMasked = (v: unknown): boolean => typeof v === 'string' && v.startsWith('****');

export interface FormValues {
  name: string;
  useSandbox: boolean;
  [field: string]: string | number | boolean | null | undefined;
}

/** Form values for a workspace as the API returns it: secrets start empty (typing replaces them). */
export function toFormValues(ws: { name: string; useSandbox: boolean; settings: Record<string, unknown> }): FormValues {
  const v: FormValues = { name: ws.name, useSandbox: ws.useSandbox };
  for (const f of PLAIN_FIELDS) v[f] = (ws.settings[f] as string | number | null | undefined) ?? null;
  for (const f of SECRET_FIELDS) v[f] = '';
  return v;
}

const normalize = (v: unknown): string | number | null => {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  return v as number;
};

/**
 * The PATCH body: plain fields that changed (empty → null clears), secrets only when typed anew
 * or cleared on purpose. A masked value is never included.
 */
export function toPatch(initial: FormValues, values: FormValues, cleared: ReadonlySet<SecretField>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  if (values.name.trim() !== initial.name) patch.name = values.name.trim();
  if (values.useSandbox !== initial.useSandbox) patch.useSandbox = values.useSandbox;
  for (const f of PLAIN_FIELDS) {
    const now = normalize(values[f]);
    if (now !== normalize(initial[f])) patch[f] = now;
  }
  for (const f of SECRET_FIELDS) {
    const typed = normalize(values[f]);
    if (typeof typed === 'string' && !isMasked(typed)) patch[f] = typed;
    else if (cleared.has(f)) patch[f] = null;
  }
  return patch;
}

/** A random token of letters and digits, as WeCom's own "随机获取" makes. */
export function randomToken(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const out: string[] = [];
  const bytes = new Uint8Array(length * 2);
  while (out.length < length) {
    crypto.getRandomValues(bytes);
    // 62 * 4 = 248: rejecting bytes ≥ 248 keeps every character equally likely.
    for (const b of bytes) if (b < 248 && out.length < length) out.push(alphabet[b % 62]!);
  }
  return out.join('');
}
