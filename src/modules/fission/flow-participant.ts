// A participant as the flows need them.
import type { Queryable } from '../../db/client.ts';

export interface FlowParticipant {
  id: number;
  workspaceId: string;
  campaignId: number;
  externalUserId: string;
  nickname: string;
  avatar: string | null;
  level: number;
  inviterId: number | null;
  validHelps: number;
  staffUserId: string | null;
  friendStatus: 'friend' | 'lost';
}

const COLUMNS = `id, workspace_id AS "workspaceId", campaign_id AS "campaignId", external_userid AS "externalUserId", nickname, avatar,
  level, inviter_id AS "inviterId", valid_helps AS "validHelps", staff_userid AS "staffUserId", friend_status AS "friendStatus"`;

export async function findParticipant(q: Queryable, campaignId: number, by: { id: number } | { externalUserId: string }): Promise<FlowParticipant | null> {
  const [col, val] = 'id' in by ? ['id', by.id] : ['external_userid', by.externalUserId];
  const r = await q.query<FlowParticipant>(`SELECT ${COLUMNS} FROM participants WHERE campaign_id = $1 AND ${col} = $2`, [campaignId, val]);
  return r.rows[0] ?? null;
}

/** By id alone (a signed link names only the participant). */
export async function findParticipantById(q: Queryable, participantId: number): Promise<FlowParticipant | null> {
  const r = await q.query<FlowParticipant>(`SELECT ${COLUMNS} FROM participants WHERE id = $1`, [participantId]);
  return r.rows[0] ?? null;
}
