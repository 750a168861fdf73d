import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../errors.ts';
import { allowedActions, assertCanEdit, assertCanPerform, assertCanPublish, canPerform, CAMPAIGN_ACTIONS } from './campaign-actions.ts';
import type { CampaignStatus } from './campaign-status.ts';
import { campaign } from './test-fixtures.ts';

const before = new Date('2025-05-30T00:00:00Z');
const during = new Date('2025-06-10T00:00:00Z');

function conflictPaths(fn: () => void): string[] {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof AppError && e.code === 'conflict', String(e));
    return (e.fields ?? []).map((f) => f.path);
  }
  assert.fail('expected a conflict');
}

describe('allowed actions per status', () => {
  const table: Record<CampaignStatus, string[]> = {
    draft: ['edit', 'publish', 'delete', 'copy'],
    scheduled: ['edit', 'end', 'copy'],
    running: ['edit', 'end', 'copy'],
    ended: ['delete', 'copy'],
  };

  for (const [status, allowed] of Object.entries(table) as [CampaignStatus, string[]][]) {
    it(`${status}: ${allowed.join(', ')}`, () => {
      assert.deepEqual([...allowedActions(status)].sort(), [...allowed].sort());
      for (const action of CAMPAIGN_ACTIONS) {
        assert.equal(canPerform(status, action), allowed.includes(action), `${status}/${action}`);
        if (allowed.includes(action)) assertCanPerform(status, action);
        else assert.throws(() => assertCanPerform(status, action), (e: unknown) => e instanceof AppError && e.code === 'conflict' && e.message.startsWith(`cannot ${action} a ${status} campaign`));
      }
    });
  }
});

describe('assertCanPublish', () => {
  it('publishes a draft with stock and a future end', () => {
    assertCanPublish('draft', campaign(), before);
    assertCanPublish('draft', campaign(), during); // start passed: it runs at once
  });

  it('refuses anything but a draft', () => {
    for (const status of ['scheduled', 'running', 'ended'] as const) assert.deepEqual(conflictPaths(() => assertCanPublish(status, campaign(), before)), []);
  });

  it('refuses a campaign whose end has passed', () => {
    assert.deepEqual(conflictPaths(() => assertCanPublish('draft', campaign(), new Date('2025-06-18T16:00:00Z'))), ['endAt']);
  });

  it('refuses a campaign with nothing in stock', () => {
    const c = campaign();
    c.tiers = c.tiers.map((t) => ({ ...t, stock: 0 }));
    assert.deepEqual(conflictPaths(() => assertCanPublish('draft', c, before)), ['tiers']);
  });
});

describe('assertCanEdit', () => {
  it('lets a draft change anything', () => {
    const after = campaign();
    after.tiers[0]!.target = 2;
    after.tiers.pop();
    after.startAt = '2025-07-01T00:00:00.000Z';
    assertCanEdit('draft', campaign(), after, during);
  });

  it('refuses to edit an ended campaign', () => {
    assert.deepEqual(conflictPaths(() => assertCanEdit('ended', campaign(), campaign(), during)), []);
  });

  for (const status of ['scheduled', 'running'] as const) {
    it(`${status}: freezes tier targets, naming the field`, () => {
      const after = campaign();
      after.tiers[1]!.target = 12;
      try {
        assertCanEdit(status, campaign(), after, before);
        assert.fail('expected a conflict');
      } catch (e) {
        assert.ok(e instanceof AppError && e.code === 'conflict');
        assert.deepEqual(e.fields, [{ path: 'tiers.1.target', message: 'target cannot change after publishing (is 10)' }]);
        assert.match(e.message, /tiers\.1\.target: target cannot change after publishing/);
      }
    });

    it(`${status}: freezes the tier count, reward types, channel and progress rule`, () => {
      const fewer = campaign();
      fewer.tiers.pop();
      assert.deepEqual(conflictPaths(() => assertCanEdit(status, campaign(), fewer, before)), ['tiers']);
      const retyped = campaign();
      retyped.tiers[0]!.reward = { type: 'redeem_code', name: 'x', codePoolId: 1 };
      assert.deepEqual(conflictPaths(() => assertCanEdit(status, campaign(), retyped, before)), ['tiers.0.reward.type']);
      const rechannel = campaign();
      (rechannel.channel as { type: string }).type = 'oa';
      (rechannel as { progressRule: string }).progressRule = 'points';
      assert.deepEqual(conflictPaths(() => assertCanEdit(status, campaign(), rechannel, before)), ['channel.type', 'progressRule']);
    });

    it(`${status}: allows stock, reward details, texts, rules and staff to change`, () => {
      const after = campaign({ name: '新名字', channel: { type: 'wecom', staffUserIds: ['wangwu'] }, welcomeTexts: { participant: '你好 {nickname}' }, rules: { churnPolicy: 'ignore' } });
      after.tiers[0]!.stock = 500;
      after.tiers[0]!.reward = { type: 'physical', name: '新奖品' };
      assertCanEdit(status, campaign(), after, before);
    });

    it(`${status}: moves the end only into the future`, () => {
      assertCanEdit(status, campaign(), campaign({ endAt: '2025-06-30T00:00:00Z' }), during);
      assert.deepEqual(conflictPaths(() => assertCanEdit(status, campaign(), campaign({ endAt: '2025-06-09T00:00:00Z' }), during)), ['endAt']);
    });
  }

  it('scheduled: the start may move; running: it may not', () => {
    const moved = campaign({ startAt: '2025-06-02T00:00:00Z' });
    assertCanEdit('scheduled', campaign(), moved, before);
    assert.deepEqual(conflictPaths(() => assertCanEdit('running', campaign(), moved, during)), ['startAt']);
  });
});
