// The OA template message an inviter gets when a friend's help counts (seed 000 §一: "where the
// workspace has an OA that the inviter follows, an OA template message tells them"), saying when
// the help completed a tier, and linking to their page. Run by a job keyed by the help, at least
// once: the row for the help is written before WeChat is asked, and a re-run of a row still
// 'sending' repeats the same client_msg_id, which WeChat answers with the first msgid (reference
// §6.7) — one message per help. Nobody to send to (no openid known), not following (user/info, or
// 43004) and refusals (43101) are recorded, not retried; WeChat being busy or unreachable is retried.
import { CLASSIC_FIELDS, parseTemplateFields, progressNotice } from '../../domain/task-fission/progress-notice.ts';
import type { CampaignConfig } from '../../domain/task-fission/campaign-config.ts';
import { WeChatApiError } from '../../wechat/core/api-error.ts';
import { oaClient } from '../oa-users/oa-client.ts';
import { openidOfUnionid } from '../oa-users/oa-identities.ts';
import { getWorkspace } from '../workspace/workspace-row.ts';
import { linkSecret, myPageUrl, participantToken } from './links.ts';
import { findTemplateSend, saveTemplateSend, type TemplateSendStatus } from './oa-template-sends.ts';
import type { FlowDeps } from './record-contact-added.ts';

export type ProgressNoticeOutcome = TemplateSendStatus | 'no_oa' | 'no_template' | 'not_valid' | 'done_before';

const RETRIED = new Set([-1, 45009, 45011]);
const FINAL: Record<number, TemplateSendStatus> = { 43004: 'not_following', 43101: 'refused' };

interface HelpFacts {
  campaignId: number;
  inviterId: number;
  status: string;
  helperNickname: string;
  unionid: string | null;
  config: CampaignConfig;
}

export async function notifyInviterProgress(
  deps: FlowDeps, p: { workspaceId: string; helpId: number; count: number; reachedTierNos: number[] },
  attempt: { retryCount: number; retryLimit: number } = { retryCount: 0, retryLimit: 0 },
): Promise<ProgressNoticeOutcome> {
  const { db } = deps;
  const ws = await getWorkspace(db, { id: p.workspaceId });
  const client = oaClient(db, deps.config, ws);
  if (!client) return 'no_oa';
  if (!ws.oaProgressTemplateId) return 'no_template';
  const done = await findTemplateSend(db, p);
  if (done && done.status !== 'sending') return 'done_before';
  const r = await db.query<HelpFacts>(
    `SELECT h.campaign_id AS "campaignId", h.inviter_id AS "inviterId", h.status, h.helper_nickname AS "helperNickname", i.unionid, c.config
     FROM helps h JOIN participants i ON i.campaign_id = h.campaign_id AND i.id = h.inviter_id JOIN campaigns c ON c.id = h.campaign_id
     WHERE h.workspace_id = $1 AND h.id = $2`,
    [p.workspaceId, p.helpId],
  );
  const help = r.rows[0];
  // Revoked before we got to it (the friend left again): there is no progress to announce.
  if (!help || help.status !== 'valid') return 'not_valid';
  const key = { ...p, campaignId: help.campaignId, participantId: help.inviterId };

  const openid = help.unionid ? await openidOfUnionid(db, ws.id, client.appId, help.unionid) : null;
  if (!openid) return record(key, { status: 'no_openid', openid: null });
  if ((await client.getUserInfo(openid)).subscribe !== 1) return record(key, { status: 'not_following', openid });

  await saveTemplateSend(db, key, { status: 'sending', openid });
  const won = await db.query<{ tierNo: number }>(`SELECT tier_no AS "tierNo" FROM rewards WHERE participant_id = $1`, [help.inviterId]);
  const secret = await linkSecret(db);
  try {
    const msgid = await client.sendTemplateMessage({
      touser: openid,
      template_id: ws.oaProgressTemplateId,
      url: myPageUrl(deps.config, help.campaignId, participantToken(secret, help.inviterId, help.config.endAt)),
      client_msg_id: `fission-help-${p.helpId}`,
      data: progressNotice({
        campaignName: help.config.name, helperNickname: help.helperNickname, count: p.count,
        tiers: help.config.tiers.map((t) => ({ target: t.target, rewardName: t.reward.name })),
        reachedTierNos: p.reachedTierNos, wonTierNos: won.rows.map((w) => w.tierNo),
      }, templateFields(ws.oaProgressTemplateFields)),
    });
    return record(key, { status: 'sent', openid, msgid });
  } catch (err) {
    if (!(err instanceof WeChatApiError)) throw err;
    const final = err.errcode !== null ? FINAL[err.errcode] : undefined;
    if (final) return record(key, { status: final, openid, error: err.message });
    const retried = err.isTransport || (err.errcode !== null && RETRIED.has(err.errcode));
    if (retried && attempt.retryCount < attempt.retryLimit) throw err;
    return record(key, { status: 'failed', openid, error: err.message });
  }

  async function record(k: typeof key, v: Parameters<typeof saveTemplateSend>[2]): Promise<TemplateSendStatus> {
    await saveTemplateSend(db, k, v);
    return v.status;
  }
}

/** The saved mapping (checked when saved); none: the classic layout. */
function templateFields(text: string | null) {
  if (!text) return CLASSIC_FIELDS;
  const r = parseTemplateFields(text);
  if (!r.ok) throw new Error(`workspace setting oaProgressTemplateFields: ${r.error}`);
  return r.fields;
}
