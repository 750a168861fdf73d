// Console-side provisioning, as an admin would do in WeCom's management console: corps, their
// staff, the customer-contact secret, self-built apps and the callback settings.
import { randomAlnum, randomHex } from '../rng.ts';
import type { App, CallbackSettings, Corp, Staff } from './model.ts';
import type { SandboxStore } from './store.ts';

export interface StaffInput {
  userid?: string;
  name: string;
  gender?: 0 | 1 | 2;
  department?: number[];
  position?: string;
  customerContact?: boolean;
  consoleWelcome?: boolean;
}

export interface AppInput {
  agentid?: number;
  name?: string;
  secret?: string;
  customerContact?: boolean;
  trustedIps?: string[];
}

export interface CorpInput {
  corpid?: string;
  name: string;
  contactSecret?: string;
  staff?: StaffInput[];
  agents?: AppInput[];
  callback?: Partial<CallbackSettings>;
}

export class ProvisionError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

const newSecret = () => randomAlnum(43);

export function createCorp(store: SandboxStore, input: CorpInput): Corp {
  const corpid = input.corpid ?? `ww${randomHex(8)}`;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(corpid)) throw new ProvisionError('corpid', 'must be 1-64 letters, digits, _ or -');
  if (store.data.corps[corpid]) throw new ProvisionError('corpid', `corp ${corpid} already exists`);
  if (!input.name?.trim()) throw new ProvisionError('name', 'is required');
  const corp: Corp = {
    corpid,
    name: input.name,
    createdAt: store.nowSec(),
    apps: {},
    callback: { url: null, token: randomAlnum(32), encodingAESKey: randomAlnum(43) },
    staff: {},
    externalIds: {},
    follows: {},
    blocked: {},
    contactWays: {},
    wayCount: 0,
    joinWays: {},
    welcomeCodes: {},
    tagGroups: [],
    groups: {},
    groupWelcomeTemplates: {},
    massSends: {},
    massSendDays: {},
    media: {},
    uploadimgCounts: {},
    messages: [],
    tempWayCounts: {},
  };
  corp.apps.contact = { key: 'contact', kind: 'contact', name: '客户联系', secret: input.contactSecret ?? newSecret(), customerContact: true, trustedIps: [] };
  setCallback(corp, input.callback ?? {});
  for (const s of input.staff ?? []) addStaff(corp, s);
  for (const a of input.agents ?? [{}]) addAgent(corp, a);
  store.data.corps[corpid] = corp;
  store.changed();
  return corp;
}

export function addStaff(corp: Corp, input: StaffInput): Staff {
  if (!input.name?.trim()) throw new ProvisionError('name', 'is required');
  const userid = input.userid ?? `user${Object.keys(corp.staff).length + 1}`;
  if (!/^[A-Za-z0-9_.@-]{1,64}$/.test(userid)) throw new ProvisionError('userid', 'must be 1-64 letters, digits or _.@-');
  if (corp.staff[userid]) throw new ProvisionError('userid', `staff ${userid} already exists`);
  const staff: Staff = {
    userid,
    name: input.name,
    gender: input.gender ?? 0,
    avatarKey: `${corp.corpid}-${userid}`,
    department: input.department ?? [1],
    position: input.position ?? '',
    customerContact: input.customerContact ?? true,
    consoleWelcome: input.consoleWelcome ?? false,
  };
  corp.staff[userid] = staff;
  return staff;
}

export function addAgent(corp: Corp, input: AppInput): App {
  const existing = Object.values(corp.apps).map((a) => a.agentid ?? 0);
  const agentid = input.agentid ?? Math.max(1000001, ...existing) + 1;
  if (!Number.isInteger(agentid) || agentid <= 0) throw new ProvisionError('agentid', 'must be a positive integer');
  const key = `agent:${agentid}`;
  if (corp.apps[key]) throw new ProvisionError('agentid', `app ${agentid} already exists`);
  const app: App = {
    key,
    kind: 'agent',
    agentid,
    name: input.name ?? '裂变助手',
    secret: input.secret ?? newSecret(),
    customerContact: input.customerContact ?? true,
    trustedIps: input.trustedIps ?? [],
  };
  corp.apps[key] = app;
  return app;
}

export function setCallback(corp: Corp, input: Partial<CallbackSettings>): CallbackSettings {
  const next = { ...corp.callback, ...input };
  if (next.url !== null && !/^https?:\/\/[^\s]+$/.test(next.url)) throw new ProvisionError('callback.url', 'must be an http(s) URL or null');
  if (!/^[A-Za-z0-9]{1,32}$/.test(next.token)) throw new ProvisionError('callback.token', 'must be 1-32 letters or digits');
  if (!/^[A-Za-z0-9]{43}$/.test(next.encodingAESKey)) throw new ProvisionError('callback.encodingAESKey', 'must be 43 letters or digits');
  corp.callback = next;
  return next;
}
