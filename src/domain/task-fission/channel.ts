// Where a campaign recruits and how a help is proven (seed 000: three modes, plus group fission):
//   wecom    — helper adds a pool staff member on WeCom (implemented)
//   oa       — helper follows the Official Account
//   oa_wecom — helper follows the OA and adds a staff member
//   group    — helper joins a WeCom customer group
// Each channel carries its own settings, so a new one is a new union member, not a rewrite.
import { z } from 'zod';
import { uniqueItems } from '../shared/zod-text.ts';

export const CHANNEL_TYPES = ['wecom', 'oa', 'oa_wecom', 'group'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];
export const SUPPORTED_CHANNEL_TYPES: readonly ChannelType[] = ['wecom'];

/** A WeCom contact way holds at most 100 staff. */
export const STAFF_POOL_MAX = 100;

// WeCom userids: 1–64 of letters, digits and _ - @ .
const staffUserId = z.string().regex(/^[A-Za-z0-9_\-@.]{1,64}$/, { message: 'must be a WeCom userid (1–64 letters, digits, _ - @ .)' });

export const wecomChannelSchema = z.strictObject({
  type: z.literal('wecom'),
  /** Staff whose contact way a participant or helper adds; new friends are spread across them. */
  staffUserIds: z
    .array(staffUserId)
    .min(1, { message: 'choose at least one staff member' })
    .max(STAFF_POOL_MAX, { message: `at most ${STAFF_POOL_MAX} staff members` })
    .superRefine(uniqueItems),
});

export const channelSchema = z.discriminatedUnion('type', [wecomChannelSchema], {
  error: (issue) => {
    const type = (issue.input as { type?: unknown } | undefined)?.type;
    if (typeof type === 'string' && (CHANNEL_TYPES as readonly string[]).includes(type)) {
      return `channel "${type}" is not supported yet (supported: ${SUPPORTED_CHANNEL_TYPES.join(', ')})`;
    }
    return `must be one of: ${SUPPORTED_CHANNEL_TYPES.join(', ')}`;
  },
});

export type CampaignChannel = z.output<typeof channelSchema>;

/** Staff a participant may be routed to; empty for channels without staff. */
export function staffPool(channel: CampaignChannel): readonly string[] {
  return channel.type === 'wecom' ? channel.staffUserIds : [];
}
