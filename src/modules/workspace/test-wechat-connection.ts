// The settings page's "test connection": with the workspace's saved credentials, WeCom gettoken for
// the customer-contact secret and the agent secret (called now, past the token cache), and the
// Official Account's access token. Each check answers WeChat's errcode and errmsg as they came, or
// why it was not run; the console puts the errcode into words. Nothing is changed.
import { pino, type Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { WeChatApiError } from '../../wechat/core/api-error.ts';
import { sandboxHosts } from '../../wechat/hosts.ts';
import { OaClient } from '../../wechat/oa/client.ts';
import { WeComClient } from '../../wechat/wecom/client.ts';
import type { Workspace } from './workspace-row.ts';

export const CONNECTION_CHECKS = ['wecomContact', 'wecomAgent', 'oa'] as const;

export interface ConnectionCheck {
  check: (typeof CONNECTION_CHECKS)[number];
  /** `ok`, `failed` (errcode/errmsg say why; errcode null: no answer from WeChat), or `not_configured`. */
  result: 'ok' | 'failed' | 'not_configured';
  errcode: number | null;
  errmsg: string | null;
}

let logger: Logger | undefined;

export async function testWeChatConnection(db: Db, config: Config, ws: Workspace): Promise<{ sandbox: boolean; checks: ConnectionCheck[] }> {
  logger ??= pino({ level: config.logLevel, name: 'wechat' });
  const hosts = ws.useSandbox ? sandboxHosts(config.sandboxUrl) : undefined;
  const wecom = (secret: string) => new WeComClient({ corpId: ws.wecomCorpId!, secret, db, logger: logger!, ...(hosts ? { baseUrl: hosts.wecom } : {}) });
  const run = async (check: ConnectionCheck['check'], call: (() => Promise<unknown>) | null): Promise<ConnectionCheck> => {
    if (!call) return { check, result: 'not_configured', errcode: null, errmsg: null };
    try {
      await call();
      return { check, result: 'ok', errcode: 0, errmsg: 'ok' };
    } catch (err) {
      if (!(err instanceof WeChatApiError)) throw err;
      return { check, result: 'failed', errcode: err.errcode, errmsg: err.errmsg };
    }
  };
  const checks = await Promise.all([
    run('wecomContact', ws.wecomCorpId && ws.wecomContactSecret ? () => wecom(ws.wecomContactSecret!).checkSecret() : null),
    run('wecomAgent', ws.wecomCorpId && ws.wecomAgentSecret ? () => wecom(ws.wecomAgentSecret!).checkSecret() : null),
    // OA's /cgi-bin/token replaces the account's token on every call: the shared cache is used, so
    // a cached token (proof the same secret worked) is not thrown away.
    run('oa', ws.oaAppId && ws.oaAppSecret
      ? () => new OaClient({ appId: ws.oaAppId!, appSecret: ws.oaAppSecret!, db, logger: logger!, ...(hosts ? { baseUrl: hosts.oa } : {}) }).accessToken()
      : null),
  ]);
  return { sandbox: ws.useSandbox, checks };
}
