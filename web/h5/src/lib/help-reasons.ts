// What the help page says for each reason a help does not count. The keys are the domain's closed
// set (InvalidHelpReason, src/domain/task-fission/help-validation.ts): a new reason there fails
// the type check here until it has its words.
import type { InvalidHelpReason } from './types.ts';

export interface ReasonText {
  title: string;
  body: string;
  /** The helper can still do something useful: take part themselves. */
  suggestJoin: boolean;
}

export const HELP_REASON_TEXT: Record<InvalidHelpReason, ReasonText> = {
  campaign_not_started: { title: '活动还没开始', body: '活动开始后再来为 TA 助力吧。', suggestJoin: false },
  stock_empty: { title: '奖品已经被领完了', body: '本次活动的奖品已全部送出,助力通道已关闭。感谢你的支持!', suggestJoin: false },
  campaign_ended: { title: '活动已结束', body: '本次活动已经结束,助力通道已关闭。感谢你的支持!', suggestJoin: false },
  self_help: { title: '不能为自己助力哦', body: '把你的专属海报分享给好友,请好友扫码为你助力。', suggestJoin: false },
  already_helped: { title: '你已经为 TA 助力过了', body: '每位好友只能为同一个人助力一次,谢谢你的支持!', suggestJoin: true },
  mutual_help: { title: '不能互相助力', body: 'TA 曾经为你助力过,本活动不支持互相助力。', suggestJoin: true },
  gender: { title: '暂不符合参与条件', body: '本活动对参与者的性别有要求,你暂时无法为 TA 助力。', suggestJoin: false },
  not_new_customer: { title: '本活动仅限新朋友助力', body: '你已经是我们的老朋友了,这次助力不计入。感谢你的支持!', suggestJoin: true },
  help_limit: { title: '你的助力次数已用完', body: '你在本活动中的助力次数已经用完,无法再为 TA 助力。', suggestJoin: true },
};
