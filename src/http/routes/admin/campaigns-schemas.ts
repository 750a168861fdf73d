// zod schemas shared by the campaign route files: path parameters, response shapes (they document
// the API in OpenAPI and are checked when responses are serialised), and the helper that points
// use-case field errors at the request body, as route-level validation does.
import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import { CAMPAIGN_STATUSES } from '../../../domain/task-fission/campaign-status.ts';
import { CAMPAIGN_ACTIONS } from '../../../domain/task-fission/campaign-actions.ts';
import { FUNNEL_BUCKETS } from '../../../domain/task-fission/funnel.ts';
import { INVALID_HELP_REASONS } from '../../../domain/task-fission/help-validation.ts';
import { REWARD_STATUSES } from '../../../modules/reward/reward-row.ts';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const WorkspaceParams = z.object({ workspace: z.string().min(2).max(40) });
export const CampaignParams = WorkspaceParams.extend({ campaignId: id });
export const ParticipantParams = CampaignParams.extend({ participantId: id });
export const PoolParams = WorkspaceParams.extend({ poolId: id });

const nullableDate = z.date().nullable();

export const TierStockView = z.object({
  tierNo: z.number().int(), target: z.number().int(), stockTotal: z.number().int(), stockReserved: z.number().int(), stockLeft: z.number().int(),
});

export const CampaignView = z.object({
  id: z.number().int(),
  name: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  endReason: z.enum(['ended_early', 'end_time', 'sold_out']).nullable(),
  endedAt: nullableDate,
  allowedActions: z.array(z.enum(CAMPAIGN_ACTIONS)),
  config: z.record(z.string(), z.unknown()).describe('The campaign settings, in the shape of the create/update body with defaults filled in'),
  configVersion: z.number().int().describe('Send it back as the If-Match header of an update to refuse overwriting someone else’s edit'),
  publishedAt: nullableDate,
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  tiers: z.array(TierStockView),
  stockLeft: z.number().int(),
});

export const CampaignListItem = CampaignView.extend({ participants: z.number().int(), completed: z.number().int() });

export const RewardView = z.object({
  id: z.number().int(), campaignId: z.number().int(), participantId: z.number().int(), tierNo: z.number().int(),
  status: z.enum(REWARD_STATUSES),
  reward: z.record(z.string(), z.unknown()).describe('The tier reward as configured when it was won'),
  claimForm: z.object({ name: z.string(), mobile: z.string(), province: z.string(), city: z.string(), district: z.string(), address: z.string() }).nullable(),
  claimedAt: nullableDate, redeemCode: z.string().nullable(), issuedAt: nullableDate, issuedBy: z.string().nullable(), createdAt: z.date(),
});

export const ParticipantSummaryView = z.object({
  id: z.number().int(), externalUserId: z.string(), unionid: z.string().nullable(), nickname: z.string(), avatar: z.string().nullable(),
  gender: z.enum(['male', 'female', 'unknown']), staffUserId: z.string().nullable(), inviterId: z.number().int().nullable(), level: z.number().int(),
  isNewCustomer: z.boolean(), friendStatus: z.enum(['friend', 'lost']), validHelps: z.number().int(),
  completedTiers: z.array(z.number().int()), funnel: z.enum(FUNNEL_BUCKETS), completedAt: nullableDate, joinedAt: z.date(),
});

export const HelpView = z.object({
  id: z.number().int(), helperExternalUserId: z.string(), helperParticipantId: z.number().int().nullable(), helperNickname: z.string(),
  helperAvatar: z.string().nullable(), status: z.enum(['valid', 'invalid', 'revoked']), invalidReason: z.enum(INVALID_HELP_REASONS).nullable(),
  createdAt: z.date(), revokedAt: nullableDate,
});

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const PageQuery = z.object({
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/**
 * Runs a use case whose field errors name paths inside one part of the request, and says which
 * (`body.tiers.0.target`, `querystring.cursor`), as route-level validation does.
 */
export async function fieldsIn<T>(part: 'body' | 'querystring', run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError && err.fields) {
      const fields = err.fields.map((f) => ({ ...f, path: f.path ? `${part}.${f.path}` : part }));
      throw new AppError(err.code, err.message, { fields, ...(err.details ? { details: err.details } : {}), cause: err });
    }
    throw err;
  }
}

export const inBody = <T>(run: () => Promise<T>) => fieldsIn('body', run);
export const inQuery = <T>(run: () => Promise<T>) => fieldsIn('querystring', run);
