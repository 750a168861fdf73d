// A participant as the admin lists show them.
import type { FunnelBucket } from '../../domain/task-fission/funnel.ts';
import type { Gender } from '../../domain/task-fission/gender.ts';
import { tiersInMask } from './participant-standing.ts';

export interface ParticipantSummary {
  id: number;
  externalUserId: string;
  unionid: string | null;
  nickname: string;
  avatar: string | null;
  gender: Gender;
  staffUserId: string | null;
  inviterId: number | null;
  level: number;
  isNewCustomer: boolean;
  friendStatus: 'friend' | 'lost';
  validHelps: number;
  completedTiers: number[];
  funnel: FunnelBucket;
  completedAt: Date | null;
  joinedAt: Date;
}

export const PARTICIPANT_COLUMNS = `p.id, p.external_userid AS "externalUserId", p.unionid, p.nickname, p.avatar, p.gender,
  p.staff_userid AS "staffUserId", p.inviter_id AS "inviterId", p.level, p.is_new_customer AS "isNewCustomer",
  p.friend_status AS "friendStatus", p.valid_helps AS "validHelps", p.completed_tiers AS "completedTiers", p.funnel,
  p.completed_at AS "completedAt", p.joined_at AS "joinedAt"`;

export function toSummary(row: Omit<ParticipantSummary, 'completedTiers'> & { completedTiers: number }): ParticipantSummary {
  return { ...row, completedTiers: tiersInMask(row.completedTiers) };
}
