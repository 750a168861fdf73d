// The corp a fresh sandbox starts with. Its credentials are derived from fixed labels, so a demo
// `.env` keeps working across restarts even without a data folder.
import { createHash } from 'node:crypto';
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

export const DEMO_CORPID = `ww${createHash('sha256').update('fission-sandbox-demo:corpid').digest('hex').slice(0, 16)}`;
export const DEMO_AGENTID = 1000002;

export interface DemoOptions {
  /** Where the demo corp's callbacks go (e.g. the service's /callback/wecom URL). */
  callbackUrl?: string | null;
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
