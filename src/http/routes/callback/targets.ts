// The workspace a callback URL names, with the callback settings its source needs.
import type { Queryable } from '../../../db/client.ts';
import { AppError, notFound } from '../../../errors.ts';
import { findWorkspace, type Workspace } from '../../../modules/workspace/workspace-row.ts';

export interface WecomTarget {
  workspaceId: string;
  token: string;
  encodingAESKey: string;
  corpId: string;
}

export interface OaTarget {
  workspaceId: string;
  token: string;
  appId: string | null;
  encodingAESKey: string | null;
  originalId: string | null;
}

async function load(q: Queryable, slug: string): Promise<Workspace> {
  const ws = await findWorkspace(q, { slug });
  if (!ws) throw notFound(`workspace ${slug}`);
  return ws;
}

function missing(slug: string, what: string, fields: Array<[string, unknown]>): void {
  const absent = fields.filter(([, v]) => !v).map(([k]) => k);
  if (absent.length) throw new AppError('conflict', `workspace ${slug} has no ${what} callback settings (missing ${absent.join(', ')})`);
}

export async function wecomTarget(q: Queryable, slug: string): Promise<WecomTarget> {
  const ws = await load(q, slug);
  missing(slug, 'WeCom', [['wecomCorpId', ws.wecomCorpId], ['wecomCallbackToken', ws.wecomCallbackToken], ['wecomCallbackAesKey', ws.wecomCallbackAesKey]]);
  return { workspaceId: ws.id, token: ws.wecomCallbackToken!, encodingAESKey: ws.wecomCallbackAesKey!, corpId: ws.wecomCorpId! };
}

export async function oaTarget(q: Queryable, slug: string): Promise<OaTarget> {
  const ws = await load(q, slug);
  missing(slug, 'Official Account', [['oaCallbackToken', ws.oaCallbackToken]]);
  return { workspaceId: ws.id, token: ws.oaCallbackToken!, appId: ws.oaAppId, encodingAESKey: ws.oaCallbackAesKey, originalId: ws.oaOriginalId };
}
