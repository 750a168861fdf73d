// A WeCom corp tag (企业客户标签) campaigns may put on participants.
import { z } from 'zod';

export const corpTagInputSchema = z.strictObject({
  tagId: z.string().regex(/^\S{1,64}$/, { message: 'must be a corp tag id' }),
  name: z.string().trim().min(1, { message: 'must not be empty' }).max(64, { message: 'must be at most 64 characters' }),
  groupName: z.string().trim().max(64, { message: 'must be at most 64 characters' }).default(''),
});

export type CorpTagInput = z.input<typeof corpTagInputSchema>;

export interface CorpTag {
  tagId: string;
  name: string;
  groupName: string;
  active: boolean;
}
