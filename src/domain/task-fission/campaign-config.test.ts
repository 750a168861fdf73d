import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../errors.ts';
import { parseCampaignConfig, validateCampaignConfig, type CampaignConfigInput } from './campaign-config.ts';
import { DEFAULT_WELCOME_TEXTS } from './welcome-text.ts';

function base(): CampaignConfigInput {
  return {
    name: '618 好友助力',
    startAt: '2025-06-01T10:00:00+08:00',
    endAt: '2025-06-18T23:59:59+08:00',
    channel: { type: 'wecom', staffUserIds: ['zhangsan', 'lisi'] },
    tiers: [
      { target: 3, reward: { type: 'physical', name: '保温杯' }, stock: 100 },
      { target: 10, reward: { type: 'customer_service', name: '到店礼', contact: { type: 'staff', userId: 'kefu01' } }, stock: 0 },
      { target: 20, reward: { type: 'redeem_code', name: '会员月卡', codePoolId: 7 }, stock: 5 },
    ],
  };
}

/** Paths of the errors for `input`, or [] when it is valid. */
function errorPaths(input: unknown): string[] {
  const r = validateCampaignConfig(input);
  return r.ok ? [] : r.errors.map((e) => e.path);
}

function errorsAt(input: unknown, path: string): string[] {
  const r = validateCampaignConfig(input);
  return r.ok ? [] : r.errors.filter((e) => e.path === path).map((e) => e.message);
}

function withTier(i: number, patch: object): CampaignConfigInput {
  const c = base();
  c.tiers = c.tiers.map((t, j) => (j === i ? { ...t, ...patch } : t)) as CampaignConfigInput['tiers'];
  return c;
}

describe('validateCampaignConfig: a valid campaign', () => {
  it('parses, normalises times to UTC and fills defaults', () => {
    const r = validateCampaignConfig(base());
    assert.ok(r.ok);
    assert.equal(r.config.startAt, '2025-06-01T02:00:00.000Z');
    assert.equal(r.config.endAt, '2025-06-18T15:59:59.000Z');
    assert.equal(r.config.progressRule, 'helpers');
    assert.deepEqual(r.config.welcomeTexts, DEFAULT_WELCOME_TEXTS);
    assert.deepEqual(r.config.rules, {
      genderFilter: 'all', joinTagIds: [], helpsPerHelper: 1, noMutualHelp: false, newCustomersOnly: false, churnPolicy: 'deduct',
    });
  });

  it('trims the name and accepts 50 characters', () => {
    const r = validateCampaignConfig({ ...base(), name: ` ${'活'.repeat(50)} ` });
    assert.ok(r.ok && r.config.name === '活'.repeat(50));
  });

  it('accepts one tier and five tiers', () => {
    const one = base();
    one.tiers = one.tiers.slice(0, 1);
    assert.deepEqual(errorPaths(one), []);
    const five = base();
    five.tiers = [1, 2, 3, 4, 5].map((target) => ({ target, reward: { type: 'physical', name: `奖${target}` }, stock: 1 }));
    assert.deepEqual(errorPaths(five), []);
  });

  it('accepts a customer-service reward with an uploaded QR image', () => {
    assert.deepEqual(errorPaths(withTier(1, { reward: { type: 'customer_service', name: '到店礼', contact: { type: 'qr_image', imageUrl: '/media/kefu.png' } } })), []);
  });

  it('accepts every advanced rule', () => {
    const c = { ...base(), rules: { genderFilter: 'female', joinTagIds: ['etA', 'etB'], helpsPerHelper: 3, noMutualHelp: true, newCustomersOnly: true, churnPolicy: 'ignore' } };
    assert.deepEqual(errorPaths(c), []);
  });
});

describe('validateCampaignConfig: basics', () => {
  it('rejects a non-object', () => {
    assert.deepEqual(errorPaths(null), ['']);
  });

  it('requires every basic field', () => {
    assert.deepEqual(errorPaths({}).sort(), ['channel', 'endAt', 'name', 'startAt', 'tiers']);
  });

  it('bounds the name at 1..50 characters', () => {
    assert.deepEqual(errorsAt({ ...base(), name: '  ' }, 'name'), ['must not be empty']);
    assert.deepEqual(errorsAt({ ...base(), name: 'x'.repeat(51) }, 'name'), ['must be at most 50 characters']);
  });

  it('wants times with a zone', () => {
    assert.deepEqual(errorPaths({ ...base(), startAt: '2025-06-01 10:00:00' }), ['startAt']);
    assert.deepEqual(errorPaths({ ...base(), endAt: '2025-02-30T00:00:00Z' }), ['endAt']);
    assert.deepEqual(errorPaths({ ...base(), startAt: 1748743200000 }), ['startAt']);
  });

  it('requires the end after the start', () => {
    assert.deepEqual(errorsAt({ ...base(), endAt: '2025-06-01T10:00:00+08:00' }, 'endAt'), ['must be after the start time']);
    // Same instant written in another zone is still "not after".
    assert.deepEqual(errorPaths({ ...base(), endAt: '2025-06-01T02:00:00Z' }), ['endAt']);
    assert.deepEqual(errorPaths({ ...base(), endAt: '2025-06-01T02:00:01Z' }), []);
  });

  it('names unknown fields', () => {
    assert.deepEqual(errorPaths({ ...base(), helpPerHelper: 2 }), ['helpPerHelper']);
    assert.deepEqual(errorPaths({ ...base(), rules: { helpPerHelper: 2 } }), ['rules.helpPerHelper']);
  });
});

describe('validateCampaignConfig: channel', () => {
  it('requires at least one staff member', () => {
    assert.deepEqual(errorsAt({ ...base(), channel: { type: 'wecom', staffUserIds: [] } }, 'channel.staffUserIds'), ['choose at least one staff member']);
  });

  it('caps the pool at 100 staff and rejects duplicates and bad userids', () => {
    const many = Array.from({ length: 101 }, (_, i) => `u${i}`);
    assert.deepEqual(errorPaths({ ...base(), channel: { type: 'wecom', staffUserIds: many } }), ['channel.staffUserIds']);
    assert.deepEqual(errorPaths({ ...base(), channel: { type: 'wecom', staffUserIds: ['a', 'b', 'a'] } }), ['channel.staffUserIds.2']);
    assert.deepEqual(errorPaths({ ...base(), channel: { type: 'wecom', staffUserIds: ['张三'] } }), ['channel.staffUserIds.0']);
  });

  it('says a declared but unbuilt channel is not supported yet', () => {
    assert.deepEqual(errorsAt({ ...base(), channel: { type: 'oa' } }, 'channel.type'), ['channel "oa" is not supported yet (supported: wecom)']);
    assert.deepEqual(errorsAt({ ...base(), channel: { type: 'sms' } }, 'channel.type'), ['must be one of: wecom']);
  });

  it('accepts only known progress rules', () => {
    assert.deepEqual(errorPaths({ ...base(), progressRule: 'points' }), ['progressRule']);
  });
});

describe('validateCampaignConfig: tiers', () => {
  it('needs 1..5 tiers', () => {
    assert.deepEqual(errorsAt({ ...base(), tiers: [] }, 'tiers'), ['add at least one tier']);
    const six = Array.from({ length: 6 }, (_, i) => ({ target: i + 1, reward: { type: 'physical', name: 'x' }, stock: 1 }));
    assert.deepEqual(errorsAt({ ...base(), tiers: six }, 'tiers'), ['at most 5 tiers']);
  });

  it('needs a whole target above 0', () => {
    assert.deepEqual(errorsAt(withTier(0, { target: 0 }), 'tiers.0.target'), ['must be greater than 0']);
    assert.deepEqual(errorsAt(withTier(0, { target: -3 }), 'tiers.0.target'), ['must be greater than 0']);
    assert.deepEqual(errorPaths(withTier(0, { target: 2.5 })), ['tiers.0.target']);
    assert.deepEqual(errorPaths(withTier(0, { target: '3' })), ['tiers.0.target']);
    assert.deepEqual(errorPaths(withTier(2, { target: 10_001 })), ['tiers.2.target']);
  });

  it('needs targets strictly increasing', () => {
    assert.deepEqual(errorsAt(withTier(1, { target: 3 }), 'tiers.1.target'), ["must be greater than tier 1's target (3)"]);
    assert.deepEqual(errorPaths(withTier(2, { target: 9 })), ['tiers.2.target']);
    assert.deepEqual(errorPaths(withTier(1, { target: 4 })), []);
  });

  it('needs a whole, non-negative stock', () => {
    assert.deepEqual(errorsAt(withTier(0, { stock: -1 }), 'tiers.0.stock'), ['must not be negative']);
    assert.deepEqual(errorPaths(withTier(0, { stock: 1.5 })), ['tiers.0.stock']);
    assert.deepEqual(errorPaths(withTier(0, { stock: 0 })), []);
    assert.deepEqual(errorPaths(withTier(0, { stock: 10_000_001 })), ['tiers.0.stock']);
  });

  it('names a bad reward type', () => {
    assert.deepEqual(errorsAt(withTier(0, { reward: { type: 'coupon', name: 'x' } }), 'tiers.0.reward.type'), ['must be one of: physical, customer_service, redeem_code, red_packet']);
  });

  it('checks each reward kind', () => {
    assert.deepEqual(errorPaths(withTier(0, { reward: { type: 'physical', name: '' } })), ['tiers.0.reward.name']);
    assert.deepEqual(errorPaths(withTier(0, { reward: { type: 'physical', name: 'x'.repeat(31) } })), ['tiers.0.reward.name']);
    assert.deepEqual(errorPaths(withTier(1, { reward: { type: 'customer_service', name: 'x' } })), ['tiers.1.reward.contact']);
    assert.deepEqual(errorPaths(withTier(1, { reward: { type: 'customer_service', name: 'x', contact: { type: 'qr_image', imageUrl: 'javascript:alert(1)' } } })), ['tiers.1.reward.contact.imageUrl']);
    assert.deepEqual(errorPaths(withTier(1, { reward: { type: 'customer_service', name: 'x', contact: { type: 'phone' } } })), ['tiers.1.reward.contact.type']);
    assert.deepEqual(errorPaths(withTier(2, { reward: { type: 'redeem_code', name: 'x', codePoolId: 0 } })), ['tiers.2.reward.codePoolId']);
  });

  it('declares red packets but does not accept them yet', () => {
    const redPacket = { type: 'red_packet', name: '现金红包', amountFen: 500, contact: { type: 'staff', userId: 'kefu01' } };
    assert.deepEqual(errorsAt(withTier(0, { reward: redPacket }), 'tiers.0.reward.type'), [
      'reward "red_packet" is not supported yet (supported: physical, customer_service, redeem_code)',
    ]);
    assert.deepEqual(errorPaths(withTier(0, { reward: { ...redPacket, amountFen: 99 } })), ['tiers.0.reward.amountFen']);
    assert.deepEqual(errorPaths(withTier(0, { reward: { ...redPacket, amountFen: 20_001 } })), ['tiers.0.reward.amountFen']);
  });
});

describe('validateCampaignConfig: welcome texts and rules', () => {
  it('checks welcome texts by WeCom bytes and known placeholders', () => {
    assert.deepEqual(errorPaths({ ...base(), welcomeTexts: { participant: '裂'.repeat(1334) } }), ['welcomeTexts.participant']);
    assert.deepEqual(errorPaths({ ...base(), welcomeTexts: { helper: '{inviter} 谢谢 {nick}' } }), ['welcomeTexts.helper']);
  });

  it('checks each advanced rule', () => {
    const rules = (patch: object) => ({ ...base(), rules: patch });
    assert.deepEqual(errorPaths(rules({ genderFilter: 'other' })), ['rules.genderFilter']);
    assert.deepEqual(errorPaths(rules({ helpsPerHelper: 0 })), ['rules.helpsPerHelper']);
    assert.deepEqual(errorPaths(rules({ helpsPerHelper: 1.5 })), ['rules.helpsPerHelper']);
    assert.deepEqual(errorPaths(rules({ helpsPerHelper: 101 })), ['rules.helpsPerHelper']);
    assert.deepEqual(errorPaths(rules({ churnPolicy: 'refund' })), ['rules.churnPolicy']);
    assert.deepEqual(errorPaths(rules({ noMutualHelp: 'yes' })), ['rules.noMutualHelp']);
    assert.deepEqual(errorPaths(rules({ newCustomersOnly: 1 })), ['rules.newCustomersOnly']);
    assert.deepEqual(errorPaths(rules({ joinTagIds: ['etA', 'etA'] })), ['rules.joinTagIds.1']);
    assert.deepEqual(errorPaths(rules({ joinTagIds: [''] })), ['rules.joinTagIds.0']);
    assert.deepEqual(errorPaths(rules({ joinTagIds: Array.from({ length: 21 }, (_, i) => `et${i}`) })), ['rules.joinTagIds']);
  });
});

describe('parseCampaignConfig', () => {
  it('returns the config when valid', () => {
    assert.equal(parseCampaignConfig(base()).name, '618 好友助力');
  });

  it('throws validation_failed listing each field', () => {
    assert.throws(
      () => parseCampaignConfig({ ...base(), name: '', endAt: '2020-01-01T00:00:00Z' }),
      (e: unknown) => e instanceof AppError && e.code === 'validation_failed' && e.fields?.map((f) => f.path).join() === 'name',
    );
    assert.throws(
      () => parseCampaignConfig({ ...base(), endAt: '2020-01-01T00:00:00Z' }),
      (e: unknown) => e instanceof AppError && e.fields?.[0]?.path === 'endAt' && /endAt: must be after the start time/.test(e.message),
    );
  });
});
