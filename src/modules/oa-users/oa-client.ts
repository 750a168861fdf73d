// The Official Account client of a workspace (src/wechat/oa/client.ts), or null when the workspace
// has no OA (AppID + AppSecret). A workspace marked "use sandbox" talks to the sandbox's api, mp and
// open hosts instead of WeChat's.
import { pino, type Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { sandboxHosts } from '../../wechat/hosts.ts';
import { OaClient } from '../../wechat/oa/client.ts';
import type { Workspace } from '../workspace/workspace-row.ts';

let logger: Logger | undefined;

/** Whether the workspace can reach its OA: visitors then sign in through it, inviters get its messages. */
export const hasOfficialAccount = (ws: Workspace): ws is Workspace & { oaAppId: string; oaAppSecret: string } => Boolean(ws.oaAppId && ws.oaAppSecret);

export function oaClient(db: Db, config: Config, ws: Workspace): OaClient | null {
  if (!hasOfficialAccount(ws)) return null;
  logger ??= pino({ level: config.logLevel, name: 'wechat' });
  const hosts = ws.useSandbox ? sandboxHosts(config.sandboxUrl) : null;
  return new OaClient({
    appId: ws.oaAppId, appSecret: ws.oaAppSecret, db, logger,
    ...(hosts ? { baseUrl: hosts.oa, mpBaseUrl: hosts.mp, openBaseUrl: hosts.open } : {}),
  });
}
