// How `fission start` runs the sandbox inside the service: mounted at /sandbox, with the demo
// workspace configured from the sandbox's demo corp the way an operator would copy credentials
// out of the WeCom admin console — through the sandbox's own credentials API.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { createSandbox, type Sandbox } from '../sandbox/server.ts';
import { findWorkspace } from '../modules/workspace/workspace-row.ts';
import { updateWorkspaceSettings } from '../modules/workspace/update-workspace-settings.ts';

export const SANDBOX_PREFIX = '/sandbox';

export function createEmbeddedSandbox(config: Config): Sandbox {
  return createSandbox({
    dataDir: join(config.dataDir, 'sandbox'),
    // Read when used: with PORT=0 the URL is known only once the server listens.
    publicUrl: () => config.sandboxUrl,
    demo: { callbackUrl: null },
  });
}

interface Credentials {
  wecom: { corps: Array<{ corpid: string; apps: Array<{ kind: string; agentid?: number; secret: string }>; callback: { url: string | null; token: string; encodingAESKey: string } }> };
  oa?: { accounts: Array<{ appid: string; secret: string; originalId: string; callback: { url: string | null; token: string; encodingAESKey: string }; templates: Array<{ templateId: string }> }> };
  pay?: { merchants: Array<{ mchId: string; key: string }> };
}

/** Points the demo workspace at the sandbox's first corp, OA (and its progress template) and merchant, and their callbacks at us. */
export async function linkDemoWorkspace(app: FastifyInstance, db: Db, config: Config): Promise<void> {
  const ws = await findWorkspace(db, { slug: 'demo' });
  if (!ws || !ws.useSandbox) return;
  const res = await app.inject({ method: 'GET', url: `${SANDBOX_PREFIX}/sandbox-api/credentials` });
  const creds = res.json() as Credentials;
  const corp = creds.wecom.corps[0];
  if (!corp) return;
  const contact = corp.apps.find((a) => a.kind === 'contact');
  const agent = corp.apps.find((a) => a.kind === 'agent');
  const oa = creds.oa?.accounts[0];
  const mch = creds.pay?.merchants[0];
  await updateWorkspaceSettings(db, ws.id, {
    ...(oa ? { oaAppId: oa.appid, oaAppSecret: oa.secret, oaOriginalId: oa.originalId, oaCallbackToken: oa.callback.token, oaCallbackAesKey: oa.callback.encodingAESKey } : {}),
    // The progress template as an operator would pick it in 模板消息 (kept if they chose another).
    ...(oa && !ws.oaProgressTemplateId ? { oaProgressTemplateId: oa.templates[0]?.templateId ?? null } : {}),
    ...(mch ? { payMchId: mch.mchId, payApiKey: mch.key } : {}),
    wecomCorpId: corp.corpid,
    wecomContactSecret: contact?.secret ?? null,
    wecomAgentId: agent?.agentid ?? null,
    wecomAgentSecret: agent?.secret ?? null,
    wecomCallbackToken: corp.callback.token,
    wecomCallbackAesKey: corp.callback.encodingAESKey,
  });
  const callbackUrl = `${config.publicUrl}/callback/wecom/demo`;
  if (corp.callback.url !== callbackUrl) {
    await app.inject({ method: 'PUT', url: `${SANDBOX_PREFIX}/sandbox-api/corps/${corp.corpid}/callback`, payload: { url: callbackUrl } });
  }
  const oaCallbackUrl = `${config.publicUrl}/callback/oa/demo`;
  if (oa && oa.callback.url !== oaCallbackUrl) {
    await app.inject({ method: 'PUT', url: `${SANDBOX_PREFIX}/sandbox-api/oas/${oa.appid}/callback`, payload: { url: oaCallbackUrl } });
  }
}

