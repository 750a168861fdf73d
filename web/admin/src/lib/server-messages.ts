// The server words its field errors in English (they are also for API clients and logs). The
// console shows the ones it knows in the operator's language, with the numbers and names kept;
// anything else is shown as the server wrote it.
import i18n from '../i18n/index.ts';
import type { zhCN } from '../i18n/zh-CN.ts';

type Rule = [RegExp, keyof typeof zhCN.serverMessages, (m: RegExpMatchArray) => Record<string, string>];

const RULES: Rule[] = [
  [/^must not be empty$/, 'required', () => ({})],
  [/^must be at most (\d+) characters$/, 'maxChars', (m) => ({ n: m[1]! })],
  [/^must be at most (\d+) bytes/, 'maxBytes', (m) => ({ n: m[1]! })],
  [/^must be after the start time$/, 'afterStart', () => ({})],
  [/^must be greater than tier (\d+)'s target \((\d+)\)$/, 'risingTarget', (m) => ({ tier: m[1]!, target: m[2]! })],
  [/^must be greater than 0$/, 'positive', () => ({})],
  [/^must be at most (\d+)$/, 'atMost', (m) => ({ n: m[1]! })],
  [/^must be at least (\d+), the number already awarded$/, 'belowAwarded', (m) => ({ n: m[1]! })],
  [/^must be at least (\d+)$/, 'atLeast', (m) => ({ n: m[1]! })],
  [/^must not be negative$/, 'notNegative', () => ({})],
  [/^must be a whole number$/, 'whole', () => ({})],
  [/^"(.+)" is not a staff member with customer contact in this workspace$/, 'notStaff', (m) => ({ id: m[1]! })],
  [/^corp tag "(.+)" does not exist$/, 'noTag', (m) => ({ id: m[1]! })],
  [/^code pool (\d+) does not exist$/, 'noPool', (m) => ({ id: m[1]! })],
  [/^code pool (\d+) has (\d+) unissued codes, fewer than the stock of the tiers using it \((\d+)\)$/, 'poolShort', (m) => ({ left: m[2]!, wanted: m[3]! })],
  [/^target cannot change after publishing \(is (\d+)\)$/, 'targetFrozen', (m) => ({ n: m[1]! })],
  [/^reward type cannot change after publishing/, 'rewardTypeFrozen', () => ({})],
  [/^tiers cannot be added or removed after publishing/, 'tiersFrozen', () => ({})],
  [/^cannot change after publishing$/, 'frozen', () => ({})],
  [/^cannot change once the campaign has started$/, 'startFrozen', () => ({})],
  [/^must be in the future; to stop now, end the campaign early$/, 'endInFuture', () => ({})],
  [/^the end time has already passed$/, 'endPassed', () => ({})],
  [/^every tier has a stock of 0/, 'noStock', () => ({})],
  [/^choose at least one staff member$/, 'chooseStaff', () => ({})],
  [/^unknown placeholder \{(\w+)\}/, 'unknownPlaceholder', (m) => ({ name: `{${m[1]!}}` })],
  [/^duplicate value/, 'duplicate', () => ({})],
  [/^add at least one tier$/, 'oneTier', () => ({})],
  [/^at most (\d+) tiers$/, 'maxTiers', (m) => ({ n: m[1]! })],
  [/ISO-8601 date-time/, 'badTime', () => ({})],
  [/^must be a WeCom userid/, 'userid', () => ({})],
  [/^must be an http\(s\) URL or a path/, 'imageUrl', () => ({})],
  [/has no delivery address yet$/, 'noAddress', () => ({})],
];

export function localizeServerMessage(message: string): string {
  if (i18n.language === 'en') return message;
  for (const [re, key, params] of RULES) {
    const m = message.match(re);
    // The key is checked by Rule's type; i18next's overloads cannot follow a computed key.
    if (m) return (i18n.t as unknown as (k: string, o: Record<string, string>) => string)(`serverMessages.${key}`, params(m));
  }
  return message;
}
