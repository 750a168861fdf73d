// What a new friend receives through send_welcome_msg (or the group-send fallback): the campaign's
// welcome text with placeholders filled, and a link card to their own page (seed 000 §一 2 and 4:
// "专属的活动图文"). Limits from reference §3.4: text ≤ 4000 bytes, link title ≤ 128 B, desc ≤ 512 B.
import { truncateUtf8 } from '../../domain/shared/text-limits.ts';
import type { InvalidHelpReason } from '../../domain/task-fission/help-validation.ts';
import { renderWelcomeText, type WelcomeValues } from '../../domain/task-fission/welcome-text.ts';
import type { Attachment } from '../../wechat/wecom/contact-types.ts';

export interface WelcomeContent {
  text: string;
  link: { title: string; desc: string; url: string };
}

export type WelcomeKind = 'participant' | 'helper' | 'invalid_help';

/** Said to a friend whose help did not count, before the participant text (seed 000 §3.3 提示助力无效). */
const INVALID_HELP_TEXT: Record<InvalidHelpReason, string> = {
  campaign_not_started: '活动尚未开始,本次助力未计入。',
  stock_empty: '奖品已领完,本次助力未计入。',
  campaign_ended: '活动已结束,本次助力未计入。',
  self_help: '不能为自己助力。',
  already_helped: '你已经为TA助力过了,本次助力未计入。',
  mutual_help: '本活动不支持互相助力,本次助力未计入。',
  gender: '本活动有参与条件限制,本次助力未计入。',
  not_new_customer: '本活动仅限新好友助力,本次助力未计入。',
  help_limit: '你的助力次数已用完,本次助力未计入。',
};

export function invalidHelpText(reason: InvalidHelpReason): string {
  return INVALID_HELP_TEXT[reason];
}

export function buildWelcomeContent(input: {
  campaignName: string;
  template: string;
  values: WelcomeValues;
  url: string;
  /** Put before the text (e.g. why a help did not count). */
  preface?: string;
}): WelcomeContent {
  const body = renderWelcomeText(input.template, { ...input.values, link: input.url });
  return {
    text: truncateUtf8(input.preface ? `${input.preface}\n${body}` : body, 4000),
    link: { title: truncateUtf8(input.campaignName, 128), desc: '点击进入活动页面,获取你的专属海报,邀请好友助力领奖品', url: input.url },
  };
}

/** The text and attachments as send_welcome_msg / add_msg_template take them. */
export function welcomeMessage(c: WelcomeContent): { text: { content: string }; attachments: Attachment[] } {
  return { text: { content: c.text }, attachments: [{ msgtype: 'link', link: { title: c.link.title, desc: c.link.desc, url: c.link.url } }] };
}
