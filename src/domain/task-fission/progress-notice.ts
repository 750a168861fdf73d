// The words of the OA template message an inviter gets when a friend's help counts (seed 000 §一:
// where the workspace has an OA the inviter follows, it tells them of their progress), and how they
// fill the operator's template. Classic templates ("活动进度提醒": first / keyword1 / keyword2 /
// remark) are filled by default; templates from WeChat's current library name their fields by type
// (thing1, character_string2, …), so the operator maps each field to one of our values
// (`parseTemplateFields`), and each value is cut to what its field type accepts.
import { nextTier } from './progress.ts';

export interface ProgressNoticeInput {
  campaignName: string;
  helperNickname: string;
  /** The inviter's count right after this help. */
  count: number;
  tiers: ReadonlyArray<{ target: number; rewardName: string }>;
  /** Tiers this help completed (their prizes were reserved). */
  reachedTierNos: readonly number[];
  /** Every tier won so far, these included. */
  wonTierNos: readonly number[];
}

/** What a template field can show. */
export const NOTICE_VALUES = ['status', 'activity', 'progress', 'helper', 'reward', 'next'] as const;
export type NoticeValue = (typeof NOTICE_VALUES)[number];
export type TemplateFields = ReadonlyArray<readonly [field: string, value: NoticeValue]>;
export type TemplateData = Record<string, { value: string }>;

/** The classic layout, used when the operator maps no fields. */
export const CLASSIC_FIELDS: TemplateFields = [['first', 'status'], ['keyword1', 'activity'], ['keyword2', 'progress'], ['remark', 'next']];

const MAX_FIELDS = 10;

const short = (s: string, n: number) => {
  const chars = Array.from(s.trim());
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : chars.join('');
};

/** Every value, whole (the nickname inside `status` cut to 10 characters, as WeChat shows names). */
export function progressNoticeValues(p: ProgressNoticeInput): Record<NoticeValue, string> {
  const reached = [...p.reachedTierNos].sort((a, b) => a - b).at(-1);
  const next = nextTier(p.tiers, p.count, p.wonTierNos);
  const last = p.tiers[p.tiers.length - 1];
  const helper = short(p.helperNickname, 10) || '微信用户';
  return {
    status: reached !== undefined ? `恭喜！你已完成第${reached}阶任务` : `好友「${helper}」为你助力成功`,
    activity: p.campaignName.trim(),
    progress: next ? `${p.count}/${next.target}` : `${p.count}/${last?.target ?? p.count}`,
    helper,
    reward: reached !== undefined ? (p.tiers[reached - 1]?.rewardName ?? '') : next ? p.tiers[next.tier - 1]!.rewardName : '',
    next: reached !== undefined
      ? `奖品「${p.tiers[reached - 1]?.rewardName ?? ''}」已为你预留，点击详情领取。`
      : next
        ? `再邀请 ${next.stillNeeded} 位好友即可获得「${p.tiers[next.tier - 1]!.rewardName}」，点击详情查看。`
        : '点击详情查看你的活动。',
  };
}

/** A value cut to what a field of this name accepts (WeChat refuses longer ones with 47003). */
export function fitField(field: string, value: string): string {
  const type = field.replace(/\d+$/, '');
  switch (type) {
    case 'first':
    case 'remark':
      return value;
    case 'character_string':
      // Letters, digits and symbols only, at most 32.
      return Array.from(value.replace(/[^\x21-\x7e]/g, '')).slice(0, 32).join('');
    case 'phrase':
      return short(value, 5).replace(/…$/, '');
    case 'name':
      return short(value, 10).replace(/…$/, '');
    case 'keyword':
      // Classic templates take longer values; 20 characters is what shows on one line.
      return short(value, 20);
    default:
      // thing (≤ 20) and any other type: 20 characters at most.
      return Array.from(value).length > 20 ? `${Array.from(value).slice(0, 19).join('')}…` : value;
  }
}

export function progressNotice(p: ProgressNoticeInput, fields: TemplateFields = CLASSIC_FIELDS): TemplateData {
  const values = progressNoticeValues(p);
  return Object.fromEntries(fields.map(([field, v]) => [field, { value: fitField(field, values[v]) }]));
}

/**
 * Reads the operator's mapping, e.g. `thing1=activity character_string2=progress thing3=next`
 * (entries separated by spaces, commas or new lines). Errors name the entry that is wrong.
 */
export function parseTemplateFields(text: string): { ok: true; fields: TemplateFields } | { ok: false; error: string } {
  const entries = text.split(/[\s,，;；]+/).filter(Boolean);
  if (!entries.length) return { ok: false, error: 'no field: write entries like thing1=activity' };
  if (entries.length > MAX_FIELDS) return { ok: false, error: `at most ${MAX_FIELDS} fields` };
  const fields: Array<readonly [string, NoticeValue]> = [];
  for (const entry of entries) {
    const m = /^([A-Za-z_]{1,32}\d{0,3})=(\w+)$/.exec(entry);
    if (!m) return { ok: false, error: `"${entry}" is not field=value (a template field like thing1, then = and a value)` };
    const [, field, value] = m as unknown as [string, string, string];
    if (!(NOTICE_VALUES as readonly string[]).includes(value)) return { ok: false, error: `"${entry}": ${value} is not one of ${NOTICE_VALUES.join(', ')}` };
    if (fields.some(([f]) => f === field)) return { ok: false, error: `"${entry}": ${field} is given twice` };
    fields.push([field, value as NoticeValue]);
  }
  return { ok: true, fields };
}
