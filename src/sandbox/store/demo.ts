// The corp, Official Account and merchant a fresh sandbox starts with. Their credentials are derived
// from fixed labels, so a demo `.env` keeps working across restarts even without a data folder.
import { createHash } from 'node:crypto';
import { createOa } from './oa-provision.ts';
import type { OfficialAccount } from './oa-model.ts';
import { createMerchant } from './pay-provision.ts';
import type { Merchant } from './pay-model.ts';
import { createCorp } from './provision.ts';
import type { Corp } from './model.ts';
import type { SandboxStore } from './store.ts';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function derived(label: string, length: number): string {
  const bytes = createHash('sha512').update(`fission-sandbox-demo:${label}`).digest();
  let s = '';
  for (let i = 0; i < length; i++) s += ALNUM[(bytes[i] ?? 0) % ALNUM.length];
  return s;
}

const hex = (label: string, length: number) => createHash('sha256').update(`fission-sandbox-demo:${label}`).digest('hex').slice(0, length);

export const DEMO_CORPID = `ww${hex('corpid', 16)}`;
export const DEMO_AGENTID = 1000002;
export const DEMO_APPID = `wx${hex('oa-appid', 16)}`;
export const DEMO_MCHID = `19${String(parseInt(hex('mch-id', 8), 16) % 100_000_000).padStart(8, '0')}`;
export const DEMO_TEMPLATE_ID = derived('oa-template', 43);

export interface DemoOptions {
  /** Where the demo corp's callbacks go (e.g. the service's /callback/wecom URL). */
  callbackUrl?: string | null;
  /** Where the demo Official Account's pushes go (e.g. the service's /callback/oa URL). */
  oaCallbackUrl?: string | null;
}

export function provisionDemoCorp(store: SandboxStore, opts: DemoOptions = {}): Corp {
  return createCorp(store, {
    corpid: DEMO_CORPID,
    name: '裂变示例科技有限公司',
    contactSecret: derived('contact-secret', 43),
    staff: [
      { userid: 'ZhangWei', name: '张伟', gender: 1, position: '客户经理' },
      { userid: 'WangFang', name: '王芳', gender: 2, position: '社群运营' },
      { userid: 'LiNa', name: '李娜', gender: 2, position: '客服' },
      { userid: 'LiuYang', name: '刘洋', gender: 1, position: '销售' },
    ],
    agents: [{ agentid: DEMO_AGENTID, name: '裂变助手', secret: derived('agent-secret', 43) }],
    callback: { url: opts.callbackUrl ?? null, token: derived('callback-token', 32), encodingAESKey: derived('callback-aes', 43) },
  });
}

export function provisionDemoOa(store: SandboxStore, opts: DemoOptions = {}): OfficialAccount {
  return createOa(store, {
    appid: DEMO_APPID,
    name: '裂变示例服务号',
    secret: hex('oa-secret', 32),
    originalId: `gh_${hex('oa-original-id', 12)}`,
    callback: { url: opts.oaCallbackUrl ?? null, token: derived('oa-callback-token', 32), encodingAESKey: derived('oa-callback-aes', 43), mode: 'safe' },
    templates: [
      {
        templateId: DEMO_TEMPLATE_ID,
        title: '活动进度提醒',
        content: '{{first.DATA}}\n活动名称：{{keyword1.DATA}}\n当前进度：{{keyword2.DATA}}\n{{remark.DATA}}',
      },
    ],
  });
}

export function provisionDemoMerchant(store: SandboxStore): Merchant {
  return createMerchant(store, { mchId: DEMO_MCHID, name: '裂变示例科技有限公司', key: derived('mch-key', 32), balance: 1_000_000, appids: [DEMO_APPID] });
}

/** Everything a fresh sandbox starts with; `parts` limits it to what an older snapshot lacks. */
export function provisionDemo(store: SandboxStore, opts: DemoOptions = {}, parts: string[] = ['corps', 'oas', 'merchants']): void {
  if (parts.includes('corps')) provisionDemoCorp(store, opts);
  if (parts.includes('oas')) provisionDemoOa(store, opts);
  if (parts.includes('merchants')) provisionDemoMerchant(store);
}
