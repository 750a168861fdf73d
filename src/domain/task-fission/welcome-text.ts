// The two welcome texts (seed 000 §5): one sent to a new participant, one to a friend whose help
// just counted. Operators write them with {placeholders}; they are sent through WeCom
// send_welcome_msg, whose text may hold at most 4000 UTF-8 bytes.
import { z } from 'zod';
import { renderPlaceholders, unknownPlaceholders } from '../shared/placeholders.ts';
import { byteBoundedText } from '../shared/zod-text.ts';
import { truncateUtf8 } from '../shared/text-limits.ts';

export const WECOM_TEXT_MAX_BYTES = 4000;

/** {nickname} the recipient, {inviter} whose poster they came from, {progress} e.g. "2/5", {link} their activity page. */
export const WELCOME_PLACEHOLDERS = ['nickname', 'inviter', 'progress', 'link'] as const;
export type WelcomePlaceholder = (typeof WELCOME_PLACEHOLDERS)[number];
export type WelcomeValues = Partial<Record<WelcomePlaceholder, string>>;

export const DEFAULT_WELCOME_TEXTS = {
  participant: '{nickname},欢迎参加活动!点击下方卡片生成你的专属海报,邀请好友助力即可免费领取奖品。',
  helper: '{nickname},你已成功为{inviter}助力!你也可以参加活动:点击下方卡片生成你的专属海报,邀请好友助力领取奖品。',
} as const;

// A typo such as {nickame} would otherwise reach customers verbatim.
const welcomeText = byteBoundedText(WECOM_TEXT_MAX_BYTES).superRefine((text, ctx) => {
  for (const name of unknownPlaceholders(text, WELCOME_PLACEHOLDERS)) {
    ctx.addIssue({ code: 'custom', message: `unknown placeholder {${name}}; use ${WELCOME_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}` });
  }
});

export const welcomeTextsSchema = z.strictObject({
  participant: welcomeText.default(DEFAULT_WELCOME_TEXTS.participant),
  helper: welcomeText.default(DEFAULT_WELCOME_TEXTS.helper),
});

export type WelcomeTexts = z.output<typeof welcomeTextsSchema>;

/** The text to send: placeholders filled (missing → empty), cut to fit WeCom's byte limit. */
export function renderWelcomeText(template: string, values: WelcomeValues): string {
  return truncateUtf8(renderPlaceholders(template, WELCOME_PLACEHOLDERS, values), WECOM_TEXT_MAX_BYTES);
}
