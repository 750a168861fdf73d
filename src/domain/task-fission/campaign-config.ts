// A task-fission campaign's settings as the operator saves them (seed 000 §二), validated field by
// field (zod) and then across fields. Times are ISO-8601 instants, stored normalised to UTC.
import { z } from 'zod';
import { validationError, type FieldError } from '../../errors.ts';
import { posterTemplateSchema } from '../poster/template.ts';
import { fieldErrorsFromZod } from '../shared/zod-field-errors.ts';
import { boundedText } from '../shared/zod-text.ts';
import { advancedRulesSchema } from './advanced-rules.ts';
import { channelSchema } from './channel.ts';
import { crossFieldErrors } from './campaign-config-checks.ts';
import { progressRuleSchema } from './progress-rule.ts';
import { tiersSchema } from './tier.ts';
import { welcomeTextsSchema } from './welcome-text.ts';

const instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO-8601 date-time with a time zone, e.g. 2025-06-01T10:00:00+08:00' })
  .transform((s) => new Date(s).toISOString());

export const campaignConfigSchema = z.strictObject({
  /** Only operators see it. */
  name: boundedText(1, 50),
  startAt: instant,
  endAt: instant,
  channel: channelSchema,
  progressRule: progressRuleSchema.default('helpers'),
  tiers: tiersSchema,
  welcomeTexts: welcomeTextsSchema.prefault({}),
  rules: advancedRulesSchema.prefault({}),
  /** The participants' poster layout; absent → the default poster. Its version is the server's to bump. */
  poster: posterTemplateSchema.optional(),
});

export type CampaignConfig = z.output<typeof campaignConfigSchema>;
/** What an admin client sends: defaults may be left out. */
export type CampaignConfigInput = z.input<typeof campaignConfigSchema>;

export type CampaignConfigResult = { ok: true; config: CampaignConfig } | { ok: false; errors: FieldError[] };

/**
 * Field errors first; cross-field rules (end after start, rising targets…) are checked once every
 * field is well-formed, since they compare values that must first be readable.
 */
export function validateCampaignConfig(input: unknown): CampaignConfigResult {
  const parsed = campaignConfigSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrorsFromZod(parsed.error) };
  const errors = crossFieldErrors(parsed.data);
  return errors.length ? { ok: false, errors } : { ok: true, config: parsed.data };
}

/** Like validateCampaignConfig, but throws a `validation_failed` AppError naming every field. */
export function parseCampaignConfig(input: unknown): CampaignConfig {
  const r = validateCampaignConfig(input);
  if (!r.ok) throw validationError(r.errors, 'invalid campaign');
  return r.config;
}
