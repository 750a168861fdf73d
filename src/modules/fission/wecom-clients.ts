// The WeCom clients a workspace's flows use: the customer-contact client (contact ways, customers,
// welcome messages, tags, group-sends) and, when configured, the agent's client for app messages to
// staff. A workspace marked "use sandbox" talks to the sandbox instead of qyapi.weixin.qq.com.
import { pino, type Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { sandboxHosts } from '../../wechat/hosts.ts';
import { WeComClient } from '../../wechat/wecom/client.ts';
import type { Workspace } from '../workspace/workspace-row.ts';

let logger: Logger | undefined;
function clientLogger(config: Config): Logger {
  logger ??= pino({ level: config.logLevel, name: 'wechat' });
  return logger;
}

function baseUrl(config: Config, ws: Workspace): string | undefined {
  return ws.useSandbox ? sandboxHosts(config.sandboxUrl).wecom : undefined;
}

export function wecomContactClient(db: Db, config: Config, ws: Workspace): WeComClient {
  if (!ws.wecomCorpId || !ws.wecomContactSecret) {
    throw new AppError('conflict', `workspace ${ws.slug} has no WeCom customer-contact credentials (wecomCorpId, wecomContactSecret)`);
  }
  const url = baseUrl(config, ws);
  return new WeComClient({ corpId: ws.wecomCorpId, secret: ws.wecomContactSecret, db, logger: clientLogger(config), ...(url ? { baseUrl: url } : {}) });
}

/** The agent (self-built app) client and its agentid, or null when the workspace has none. */
export function wecomAgentClient(db: Db, config: Config, ws: Workspace): { client: WeComClient; agentId: number } | null {
  if (!ws.wecomCorpId || !ws.wecomAgentSecret || !ws.wecomAgentId) return null;
  const url = baseUrl(config, ws);
  const client = new WeComClient({ corpId: ws.wecomCorpId, secret: ws.wecomAgentSecret, db, logger: clientLogger(config), ...(url ? { baseUrl: url } : {}) });
  return { client, agentId: ws.wecomAgentId };
}
