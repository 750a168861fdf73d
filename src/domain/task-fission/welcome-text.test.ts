import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { utf8ByteLength } from '../shared/text-limits.ts';
import { DEFAULT_WELCOME_TEXTS, renderWelcomeText, WECOM_TEXT_MAX_BYTES, welcomeTextsSchema } from './welcome-text.ts';

describe('renderWelcomeText', () => {
  it('fills all four placeholders', () => {
    const text = renderWelcomeText('{nickname}|{inviter}|{progress}|{link}', { nickname: '小王', inviter: '老李', progress: '2/5', link: 'https://h5/x' });
    assert.equal(text, '小王|老李|2/5|https://h5/x');
  });

  it('leaves unknown placeholders as written and renders missing values empty', () => {
    assert.equal(renderWelcomeText('{nickname}:{coupon}', {}), ':{coupon}');
  });

  it('does not expand placeholders inside a nickname', () => {
    assert.equal(renderWelcomeText('{nickname} {link}', { nickname: '{link}', link: 'L' }), '{link} L');
  });

  it('cuts the result to 4000 bytes on a character boundary', () => {
    const text = renderWelcomeText('{nickname}', { nickname: '裂'.repeat(2000) });
    assert.ok(utf8ByteLength(text) <= WECOM_TEXT_MAX_BYTES);
    assert.equal(text, '裂'.repeat(1333));
  });

  it('renders the default texts', () => {
    const text = renderWelcomeText(DEFAULT_WELCOME_TEXTS.helper, { nickname: 'A', inviter: 'B', link: 'L' });
    // The link travels in the card under the text, not as a long URL inside it.
    assert.equal(text, 'A,你已成功为B助力!你也可以参加活动:点击下方卡片生成你的专属海报,邀请好友助力领取奖品。');
  });
});

describe('welcomeTextsSchema', () => {
  it('defaults both texts', () => {
    assert.deepEqual(welcomeTextsSchema.parse({}), DEFAULT_WELCOME_TEXTS);
  });

  it('accepts exactly 4000 bytes and refuses 4001', () => {
    assert.equal(welcomeTextsSchema.safeParse({ participant: 'a'.repeat(4000) }).success, true);
    const r = welcomeTextsSchema.safeParse({ participant: `${'裂'.repeat(1333)}ab` });
    assert.equal(r.success, false);
    assert.deepEqual(r.error?.issues.map((i) => i.path), [['participant']]);
  });

  it('refuses an empty text', () => {
    const r = welcomeTextsSchema.safeParse({ helper: '  ' });
    assert.equal(r.error?.issues[0]?.message, 'must not be empty');
  });

  it('names an unknown placeholder', () => {
    const r = welcomeTextsSchema.safeParse({ helper: 'hi {nickame}' });
    assert.equal(r.error?.issues[0]?.message, 'unknown placeholder {nickame}; use {nickname} {inviter} {progress} {link}');
    assert.deepEqual(r.error?.issues[0]?.path, ['helper']);
  });
});
