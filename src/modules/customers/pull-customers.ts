// Runs a queued pull (request-customer-pull.ts): every customer of the pull's staff members, read
// with externalcontact/batch/get_by_user (≤ 100 staff ids per call, ≤ 100 friendships per page,
// cursor-paged) through the WeCom client, whose rate limiter keeps it within WeCom's limits. Each
// page is written as it comes (upserts), so a run that dies part-way simply starts again; only a
// complete pull may conclude that a friendship it did not see is over.
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { WeChatApiError } from '../../wechat/core/api-error.ts';
import { wecomContactClient } from '../fission/wecom-clients.ts';
import { getWorkspace } from '../workspace/workspace-row.ts';
import { forgetUnseenFriendships, rememberFriendships } from './customer-directory.ts';
import { countPulledPage, findCustomerPull, finishCustomerPull, startCustomerPull, type PullStatus } from './customer-pulls.ts';

const STAFF_PER_CALL = 100;
const PAGE = 100;
/** WeChat's own "busy" answers (the client already backed off) and transport failures are worth another run. */
const TRANSIENT = new Set([-1, 45009, 45033]);

export async function pullCustomers(
  deps: { db: Db; config: Config }, p: { workspaceId: string; pullId: number }, attempt: { retryCount: number; retryLimit: number } = { retryCount: 0, retryLimit: 0 },
): Promise<PullStatus | 'skipped'> {
  const { db } = deps;
  const pull = await findCustomerPull(db, p.workspaceId, p.pullId);
  if (!pull || pull.status === 'done' || pull.status === 'failed') return 'skipped';
  const ws = await getWorkspace(db, { id: p.workspaceId });
  if (!ws.wecomCorpId || !ws.wecomContactSecret) {
    await finishCustomerPull(db, ws.id, pull.id, { status: 'failed', error: 'the workspace has no WeCom customer-contact credentials (wecomCorpId, wecomContactSecret)' });
    return 'failed';
  }
  const client = wecomContactClient(db, deps.config, ws);
  const startedAt = await startCustomerPull(db, ws.id, pull.id);
  try {
    for (let i = 0; i < pull.staffUserIds.length; i += STAFF_PER_CALL) {
      const userids = pull.staffUserIds.slice(i, i + STAFF_PER_CALL);
      let cursor = '';
      do {
        const r = await client.batchGetExternalContactsByUser({ userid_list: userids, cursor, limit: PAGE });
        const rows = r.external_contact_list.map(({ external_contact: c, follow_info: f }) => ({
          externalUserId: c.external_userid, unionid: c.unionid || null, nickname: c.name ?? '', avatar: c.avatar || null,
          follow: { userId: f.userid, createTime: f.createtime },
        }));
        await rememberFriendships(db, ws.id, rows);
        await countPulledPage(db, ws.id, pull.id, rows.length);
        cursor = r.next_cursor ?? '';
      } while (cursor);
    }
  } catch (err) {
    // WeChat refusing for good (no permission, unknown staff id…) ends the pull; anything else is tried again while runs are left.
    const refused = err instanceof WeChatApiError && !err.isTransport && !(err.errcode !== null && TRANSIENT.has(err.errcode));
    if (!refused && attempt.retryCount < attempt.retryLimit) throw err;
    await finishCustomerPull(db, ws.id, pull.id, { status: 'failed', error: err instanceof Error ? err.message : String(err) });
    if (!(err instanceof WeChatApiError)) throw err;
    return 'failed';
  }
  await forgetUnseenFriendships(db, ws.id, pull.staffUserIds, startedAt);
  await finishCustomerPull(db, ws.id, pull.id, { status: 'done' });
  return 'done';
}
