// Tells the participant's staff member, by an app message from the workspace's agent (reference
// §5 message/send), that the participant completed a tier and its prize is reserved — so they can
// follow up (address form, in-store pickup, contact). Workspaces without an agent get no message.
// The participant themselves hears of it from the Official Account, where the workspace has one:
// the template message of the help that completed the tier says so (notify-inviter-progress.ts).
import type { CampaignConfig } from '../../domain/task-fission/campaign-config.ts';
import type { Reward } from '../../domain/task-fission/reward.ts';
import { getWorkspace } from '../workspace/workspace-row.ts';
import type { FlowDeps } from './record-contact-added.ts';
import { wecomAgentClient } from './wecom-clients.ts';

export type NotifyOutcome = 'sent' | 'no_agent' | 'no_staff' | 'unknown_reward';

export async function notifyTierReached(deps: FlowDeps, p: { workspaceId: string; rewardId: number }): Promise<NotifyOutcome> {
  const r = await deps.db.query<{ tierNo: number; reward: Reward; nickname: string; validHelps: number; staff: string | null; config: CampaignConfig }>(
    `SELECT r.tier_no AS "tierNo", r.reward, p.nickname, p.valid_helps AS "validHelps", p.staff_userid AS staff, c.config
     FROM rewards r JOIN participants p ON p.campaign_id = r.campaign_id AND p.id = r.participant_id JOIN campaigns c ON c.id = r.campaign_id
     WHERE r.workspace_id = $1 AND r.id = $2`,
    [p.workspaceId, p.rewardId],
  );
  const row = r.rows[0];
  if (!row) return 'unknown_reward';
  if (!row.staff) return 'no_staff';
  const agent = wecomAgentClient(deps.db, deps.config, await getWorkspace(deps.db, { id: p.workspaceId }));
  if (!agent) return 'no_agent';
  const target = row.config.tiers[row.tierNo - 1]?.target ?? row.validHelps;
  const content = `【${row.config.name}】客户「${row.nickname || '未知昵称'}」完成第${row.tierNo}阶任务(${row.validHelps}/${target}),奖品「${row.reward.name}」已预留,请留意跟进发奖。`;
  await agent.client.sendAppMessage({ touser: row.staff, agentid: agent.agentId, msgtype: 'text', text: { content } });
  return 'sent';
}
