// What the default poster background announces: the first tier's reward and how many helps it takes.
// The editor sends it for previews of a template that has no uploaded background.
import { z } from 'zod';
import { boundedText } from '../shared/zod-text.ts';
import { TARGET_MAX } from '../task-fission/tier.ts';

export const posterOfferSchema = z.strictObject({
  reward: boundedText(1, 30),
  target: z.coerce.number().int({ message: 'must be a whole number' }).min(1, { message: 'must be greater than 0' }).max(TARGET_MAX, { message: `must be at most ${TARGET_MAX}` }),
});

export type PosterOffer = z.output<typeof posterOfferSchema>;
