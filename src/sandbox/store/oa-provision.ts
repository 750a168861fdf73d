// Provisioning Official Accounts as their owner would on mp.weixin.qq.com: AppID/AppSecret, original
// id, server configuration (URL, Token, EncodingAESKey, plain or safe mode), IP whitelist, web-OAuth
// domains, open-platform binding and template messages.
import { randomAlnum, randomHex } from '../rng.ts';
import type { OaCallbackSettings, OaTemplate, OfficialAccount } from './oa-model.ts';
import { ProvisionError } from './provision.ts';
import type { SandboxStore } from './store.ts';

export interface OaInput {
  appid?: string;
  name: string;
  secret?: string;
  originalId?: string;
  callback?: Partial<OaCallbackSettings>;
  trustedIps?: string[];
  oauthDomains?: string[];
  openPlatform?: boolean;
  templates?: TemplateInput[];
}

export interface TemplateInput {
  templateId?: string;
  title: string;
  content: string;
}

export function createOa(store: SandboxStore, input: OaInput): OfficialAccount {
  const appid = input.appid ?? `wx${randomHex(8)}`;
  if (!/^wx[0-9a-zA-Z]{16}$/.test(appid)) throw new ProvisionError('appid', 'must be wx followed by 16 letters or digits');
  if (store.data.oas[appid]) throw new ProvisionError('appid', `official account ${appid} already exists`);
  if (!input.name?.trim()) throw new ProvisionError('name', 'is required');
  const secret = input.secret ?? randomHex(16);
  if (!/^[0-9a-zA-Z]{32}$/.test(secret)) throw new ProvisionError('secret', 'must be 32 letters or digits');
  const originalId = input.originalId ?? `gh_${randomHex(6)}`;
  if (!/^gh_[0-9a-f]{12}$/.test(originalId)) throw new ProvisionError('originalId', 'must be gh_ followed by 12 hex digits');
  const oa: OfficialAccount = {
    appid,
    secret,
    originalId,
    name: input.name,
    avatarKey: `oa-${appid}`,
    createdAt: store.nowSec(),
    callback: { url: null, token: randomAlnum(32), encodingAESKey: randomAlnum(43), mode: 'safe' },
    trustedIps: [],
    oauthDomains: [],
    openPlatform: true,
    templates: {},
    openids: {},
    followers: {},
    qrCodes: {},
    permanentScenes: {},
    media: {},
    messages: [],
    quota: {},
    templateClientIds: {},
  };
  setOaCallback(oa, input.callback ?? {});
  updateOa(oa, input);
  for (const t of input.templates ?? []) addTemplate(oa, t);
  store.data.oas[appid] = oa;
  store.changed();
  return oa;
}

export function updateOa(oa: OfficialAccount, input: { name?: string; trustedIps?: string[]; oauthDomains?: string[]; openPlatform?: boolean }): void {
  if (input.name !== undefined) {
    if (!input.name.trim()) throw new ProvisionError('name', 'is required');
    oa.name = input.name;
  }
  if (input.oauthDomains) {
    for (const d of input.oauthDomains) if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(d)) throw new ProvisionError('oauthDomains', `${d} is not a host[:port]`);
    oa.oauthDomains = input.oauthDomains.map((d) => d.toLowerCase());
  }
  if (input.trustedIps) oa.trustedIps = input.trustedIps;
  if (input.openPlatform !== undefined) oa.openPlatform = input.openPlatform;
}

export function setOaCallback(oa: OfficialAccount, input: Partial<OaCallbackSettings>): OaCallbackSettings {
  const next = { ...oa.callback, ...input };
  if (next.url !== null && !/^https?:\/\/[^\s]+$/.test(next.url)) throw new ProvisionError('callback.url', 'must be an http(s) URL or null');
  if (!/^[A-Za-z0-9]{3,32}$/.test(next.token)) throw new ProvisionError('callback.token', 'must be 3-32 letters or digits');
  if (!/^[A-Za-z0-9]{43}$/.test(next.encodingAESKey)) throw new ProvisionError('callback.encodingAESKey', 'must be 43 letters or digits');
  if (next.mode !== 'plain' && next.mode !== 'safe') throw new ProvisionError('callback.mode', 'must be plain or safe');
  oa.callback = next;
  return next;
}

export function addTemplate(oa: OfficialAccount, input: TemplateInput): OaTemplate {
  const templateId = input.templateId ?? randomAlnum(43);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(templateId)) throw new ProvisionError('templateId', 'must be 1-64 letters, digits, _ or -');
  if (oa.templates[templateId]) throw new ProvisionError('templateId', `template ${templateId} already exists`);
  if (!input.title?.trim()) throw new ProvisionError('title', 'is required');
  if (!input.content?.trim()) throw new ProvisionError('content', 'is required');
  const t = { templateId, title: input.title, content: input.content };
  oa.templates[templateId] = t;
  return t;
}
