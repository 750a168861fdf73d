// What a tier gives and how the winner claims it (seed 000 §2.2).
import { z } from 'zod';
import { boundedText } from '../shared/zod-text.ts';

export const REWARD_TYPES = ['physical', 'customer_service', 'redeem_code', 'red_packet'] as const;
export type RewardType = (typeof REWARD_TYPES)[number];
/** red_packet is declared so configs and UIs can name it, but payouts are not built yet. */
export const SUPPORTED_REWARD_TYPES: readonly RewardType[] = ['physical', 'customer_service', 'redeem_code'];

/** WeChat red packets default to ¥1–¥200 each. */
export const RED_PACKET_MIN_FEN = 100;
export const RED_PACKET_MAX_FEN = 20_000;

const rewardName = boundedText(1, 30);

// An uploaded image is served by us (a path) or from a CDN (an absolute URL).
const imageUrl = z
  .string()
  .max(1024, { message: 'must be at most 1024 characters' })
  .regex(/^(https?:\/\/|\/)\S+$/, { message: 'must be an http(s) URL or a path of an uploaded image' });

/** The customer-service contact a winner adds: a staff member's contact way, or an uploaded QR image. */
export const serviceContactSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('staff'), userId: z.string().regex(/^[A-Za-z0-9_\-@.]{1,64}$/, { message: 'must be a WeCom userid' }) }),
    z.strictObject({ type: z.literal('qr_image'), imageUrl }),
  ],
  { error: 'must be one of: staff, qr_image' },
);

export const rewardSchema = z.discriminatedUnion(
  'type',
  [
    // Shipped by post: the winner fills in the address form (shared/address-form.ts).
    z.strictObject({ type: z.literal('physical'), name: rewardName }),
    // Picked up in store / handed out offline: the winner adds the customer-service contact.
    z.strictObject({ type: z.literal('customer_service'), name: rewardName, contact: serviceContactSchema }),
    // One code per winner, taken from a pool the operator uploaded.
    z.strictObject({ type: z.literal('redeem_code'), name: rewardName, codePoolId: z.int().positive({ message: 'must be a code pool id' }) }),
    // Paid to WeChat change; the contact is the fallback when the merchant balance runs short.
    z.strictObject({
      type: z.literal('red_packet'),
      name: rewardName,
      amountFen: z.int().min(RED_PACKET_MIN_FEN, { message: `must be at least ${RED_PACKET_MIN_FEN} fen` }).max(RED_PACKET_MAX_FEN, { message: `must be at most ${RED_PACKET_MAX_FEN} fen` }),
      contact: serviceContactSchema,
    }),
  ],
  { error: `must be one of: ${REWARD_TYPES.join(', ')}` },
);

export type Reward = z.output<typeof rewardSchema>;
export type ServiceContact = z.output<typeof serviceContactSchema>;

/** The button the H5 "success" page shows for this reward. */
export type ClaimMethod = 'address_form' | 'contact_service' | 'show_code' | 'auto_payout';

export function claimMethod(reward: Reward): ClaimMethod {
  switch (reward.type) {
    case 'physical':
      return 'address_form';
    case 'customer_service':
      return 'contact_service';
    case 'redeem_code':
      return 'show_code';
    case 'red_packet':
      return 'auto_payout';
  }
}
