// What the inbox holds and hands to handlers: one parsed WeChat callback of a workspace.
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { OaEvent } from '../../wechat/oa/events.ts';
import type { WecomEvent } from '../../wechat/protocol/index.ts';

export type InboxSource = 'wecom' | 'oa';
export type InboxStatus = 'pending' | 'processed' | 'ignored' | 'failed';

export interface InboxPayloads {
  wecom: WecomEvent;
  oa: OaEvent;
}

export interface InboxItem<S extends InboxSource = InboxSource> {
  id: string;
  workspaceId: string;
  source: S;
  /** Lowercased `Event` (change_external_contact, subscribe, scan…) or `message:<MsgType>`. */
  eventType: string;
  event: InboxPayloads[S];
  rawXml: string;
  receivedAt: Date;
  status: InboxStatus;
  /** Runs before this one. */
  attempts: number;
}

/** What a handler may use (the worker's dependencies). */
export interface InboxDeps {
  db: Db;
  jobs: JobQueue;
  config: Config;
}
