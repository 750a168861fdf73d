import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorKeyOf, formPath, stepOf, toConfig, toValues } from './wizard-form.ts';
import type { CampaignConfig } from '../../api/campaign-types.ts';

const config: CampaignConfig = {
  name: '618',
  startAt: '2025-06-01T02:00:00.000Z',
  endAt: '2025-06-08T02:00:00.000Z',
  channel: { type: 'wecom', staffUserIds: ['zhangsan'] },
  tiers: [
    { target: 3, stock: 10, reward: { type: 'physical', name: '杯子' } },
    { target: 6, stock: 5, reward: { type: 'customer_service', name: '到店礼', contact: { type: 'staff', userId: 'kefu01' } } },
  ],
  rules: { genderFilter: 'all', joinTagIds: [], helpsPerHelper: 1, noMutualHelp: false, newCustomersOnly: false, churnPolicy: 'deduct' },
  welcomeTexts: { participant: 'hi {nickname}', helper: 'thanks {nickname}' },
};

test('settings survive the form: times as Beijing wall clock, rewards with only their own fields', () => {
  const back = toConfig(toValues(config));
  assert.equal(back.startAt, '2025-06-01T10:00:00+08:00');
  assert.equal(Date.parse(back.endAt), Date.parse(config.endAt));
  assert.deepEqual(back.tiers, config.tiers);
  assert.deepEqual({ ...back, startAt: config.startAt, endAt: config.endAt }, config);
});

test('a server error path finds its form field, its step and its message key', () => {
  const path = formPath('body.tiers.1.reward.contact.userId');
  assert.deepEqual(path, ['tiers', 1, 'reward', 'contact', 'userId']);
  assert.equal(stepOf(path), 'tiers');
  assert.equal(errorKeyOf(path), 'tiers_reward_contact_userId');
  assert.equal(stepOf(formPath('body.welcomeTexts.participant')), 'welcome');
  assert.equal(stepOf(formPath('body.endAt')), 'basics');
});
