import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { campaign } from './test-fixtures.ts';
import { workspaceErrors } from './workspace-checks.ts';

const staff = ['zhangsan', 'lisi', 'kefu01'];

describe('workspaceErrors', () => {
  it('passes when everything exists', () => {
    assert.deepEqual(workspaceErrors(campaign(), { staffUserIds: staff, corpTagIds: ['etA'], codesAvailableByPool: new Map([[7, 5]]) }), []);
  });

  it('names pool staff who are not in the workspace', () => {
    assert.deepEqual(workspaceErrors(campaign(), { staffUserIds: ['lisi', 'kefu01'] }).map((e) => e.path), ['channel.staffUserIds.0']);
  });

  it('names a customer-service contact who is not staff', () => {
    assert.deepEqual(workspaceErrors(campaign(), { staffUserIds: ['zhangsan', 'lisi'] }).map((e) => e.path), ['tiers.1.reward.contact.userId']);
  });

  it('checks tags only when the tag list is given', () => {
    assert.deepEqual(workspaceErrors(campaign(), { staffUserIds: staff }), []);
    assert.deepEqual(workspaceErrors(campaign(), { staffUserIds: staff, corpTagIds: ['etB'] }).map((e) => e.path), ['rules.joinTagIds.0']);
  });

  it('names a missing code pool', () => {
    assert.deepEqual(workspaceErrors(campaign(), { staffUserIds: staff, codesAvailableByPool: new Map() }).map((e) => e.path), ['tiers.2.reward.codePoolId']);
  });

  it('wants the pool to cover the summed stock of the tiers that share it', () => {
    const c = campaign();
    c.tiers[1] = { target: 10, reward: { type: 'redeem_code', name: '周卡', codePoolId: 7 }, stock: 10 };
    const errors = workspaceErrors(c, { staffUserIds: staff, codesAvailableByPool: new Map([[7, 14]]) });
    assert.deepEqual(errors.map((e) => e.path), ['tiers.2.stock']);
    assert.match(errors[0]?.message ?? '', /has 14 unissued codes.*\(15\)/);
    assert.deepEqual(workspaceErrors(c, { staffUserIds: staff, codesAvailableByPool: new Map([[7, 15]]) }), []);
  });
});
