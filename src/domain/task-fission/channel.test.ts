import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { channelSchema, staffPool } from './channel.ts';

describe('staffPool', () => {
  it('is the WeCom channel staff list', () => {
    assert.deepEqual(staffPool(channelSchema.parse({ type: 'wecom', staffUserIds: ['a', 'b.c@d'] })), ['a', 'b.c@d']);
  });
});

describe('channelSchema', () => {
  it('accepts userids up to 64 characters', () => {
    assert.equal(channelSchema.safeParse({ type: 'wecom', staffUserIds: ['u'.repeat(64)] }).success, true);
    assert.equal(channelSchema.safeParse({ type: 'wecom', staffUserIds: ['u'.repeat(65)] }).success, false);
  });

  it('names each declared future channel as not supported yet', () => {
    for (const type of ['oa', 'oa_wecom', 'group']) {
      const r = channelSchema.safeParse({ type });
      assert.equal(r.error?.issues[0]?.message, `channel "${type}" is not supported yet (supported: wecom)`);
    }
  });
});
