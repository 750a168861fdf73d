// A winner gives the delivery address of a physical prize from their own page. The participant
// comes from their signed link; the claim itself is the reward module's (claimPhysicalReward).
import type { Db } from '../../db/client.ts';
import { claimPhysicalReward } from '../reward/claim-physical-reward.ts';
import type { RewardRow } from '../reward/reward-row.ts';
import type { FlowParticipant } from './flow-participant.ts';

export async function claimMyReward(db: Db, me: FlowParticipant, tierNo: number, address: unknown): Promise<RewardRow> {
  return db.transaction((tx) => claimPhysicalReward(tx, { participantId: me.id, tierNo }, address));
}
