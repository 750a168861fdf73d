// The workspace record: one WeCom corp, optionally one OA and one WeChat Pay merchant.
import type { Queryable } from '../../db/client.ts';
import { notFound } from '../../errors.ts';

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  useSandbox: boolean;
  wecomCorpId: string | null;
  wecomContactSecret: string | null;
  wecomAgentId: number | null;
  wecomAgentSecret: string | null;
  wecomCallbackToken: string | null;
  wecomCallbackAesKey: string | null;
  oaAppId: string | null;
  oaAppSecret: string | null;
  oaOriginalId: string | null;
  oaCallbackToken: string | null;
  oaCallbackAesKey: string | null;
  /** Template of the progress message to inviters (first / keyword1 / keyword2 / remark). */
  oaProgressTemplateId: string | null;
  /** Its fields mapped to what they show (`thing1=activity …`); null: the classic layout. */
  oaProgressTemplateFields: string | null;
  /** The web-OAuth domain's verification file, `MP_verify_<code>.txt` (served at the site root). */
  oaVerifyFile: string | null;
  payMchId: string | null;
  payApiKey: string | null;
  createdAt: Date;
}

/** Column ↔ property pairs; the settings API and the queries share this one list. */
export const WORKSPACE_COLUMNS = {
  id: 'id', slug: 'slug', name: 'name', useSandbox: 'use_sandbox',
  wecomCorpId: 'wecom_corp_id', wecomContactSecret: 'wecom_contact_secret', wecomAgentId: 'wecom_agent_id',
  wecomAgentSecret: 'wecom_agent_secret', wecomCallbackToken: 'wecom_callback_token', wecomCallbackAesKey: 'wecom_callback_aes_key',
  oaAppId: 'oa_app_id', oaAppSecret: 'oa_app_secret', oaOriginalId: 'oa_original_id',
  oaCallbackToken: 'oa_callback_token', oaCallbackAesKey: 'oa_callback_aes_key', oaProgressTemplateId: 'oa_progress_template_id', oaProgressTemplateFields: 'oa_progress_template_fields', oaVerifyFile: 'oa_verify_file',
  payMchId: 'pay_mch_id', payApiKey: 'pay_api_key', createdAt: 'created_at',
} as const satisfies Record<keyof Workspace, string>;

export const SECRET_FIELDS = ['wecomContactSecret', 'wecomAgentSecret', 'wecomCallbackAesKey', 'wecomCallbackToken', 'oaAppSecret', 'oaCallbackToken', 'oaCallbackAesKey', 'payApiKey'] as const;

const SELECT = `SELECT ${Object.entries(WORKSPACE_COLUMNS).map(([k, c]) => `${c} AS "${k}"`).join(', ')} FROM workspaces`;

export async function findWorkspace(q: Queryable, by: { id: string } | { slug: string }): Promise<Workspace | null> {
  const [col, val] = 'id' in by ? ['id', by.id] : ['slug', by.slug];
  if (col === 'id' && !/^[0-9a-f-]{36}$/i.test(val)) return null;
  const r = await q.query<Workspace>(`${SELECT} WHERE ${col} = $1`, [val]);
  return r.rows[0] ?? null;
}

export async function getWorkspace(q: Queryable, by: { id: string } | { slug: string }): Promise<Workspace> {
  const ws = await findWorkspace(q, by);
  if (!ws) throw notFound(`workspace ${'id' in by ? by.id : by.slug}`);
  return ws;
}

/** Settings as shown to admins: every secret replaced by a mask, or null when unset. The last four
 *  characters help tell secrets apart, but only of long ones: a short token would be given away. */
export function maskWorkspace(ws: Workspace): Workspace {
  const out = { ...ws };
  for (const f of SECRET_FIELDS) {
    const v = out[f];
    if (v) out[f] = v.length >= 16 ? `****${v.slice(-4)}` : '****';
  }
  return out;
}
