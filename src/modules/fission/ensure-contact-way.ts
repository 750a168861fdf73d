// The "contact me" code of a campaign (participantId null: the activity code) or of one participant
// (their help code), created at WeCom the first time it is needed (live-contact-way.ts): only for
// a published campaign that has not ended, and for its participants. Its `state` names the
// campaign and the inviter, so an add through it is a join or a help.
import { conflict } from '../../errors.ts';
import { encodeContactWayState } from '../../domain/shared/contact-way-state.ts';
import { staffPool } from '../../domain/task-fission/channel.ts';
import { findFlowCampaign } from './flow-campaign.ts';
import { ensureLiveContactWay, type LiveContactWay } from './live-contact-way.ts';
import type { FlowDeps } from './record-contact-added.ts';

export type { LiveContactWay } from './live-contact-way.ts';

export async function ensureContactWay(deps: FlowDeps, target: { workspaceId: string; campaignId: number; participantId: number | null }): Promise<LiveContactWay> {
  const { db } = deps;
  const t = target;
  return ensureLiveContactWay(deps, { ...t, serviceUserId: null }, {
    async plan() {
      const c = await findFlowCampaign(db, t.workspaceId, t.campaignId, new Date());
      if (!c) throw conflict(`campaign ${t.campaignId} does not exist`);
      if (c.status === 'draft' || c.status === 'ended') throw conflict(`campaign ${t.campaignId} is ${c.status}: it has no live codes`);
      if (t.participantId !== null) {
        const p = await db.query(`SELECT 1 FROM participants WHERE campaign_id = $1 AND id = $2`, [t.campaignId, t.participantId]);
        if (!p.rows.length) throw conflict(`participant ${t.participantId} is not in campaign ${t.campaignId}`);
      }
      return { state: encodeContactWayState({ campaignId: t.campaignId, inviterParticipantId: t.participantId }), staff: [...staffPool(c.config.channel)] };
    },
    async unwanted() {
      const c = await findFlowCampaign(db, t.workspaceId, t.campaignId, new Date());
      return !c || c.status === 'ended' || c.status === 'draft' ? `campaign ${t.campaignId} ended while its code was being created` : null;
    },
  });
}
