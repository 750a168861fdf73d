import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { claimMethod, rewardSchema, type Reward } from './reward.ts';

describe('claimMethod', () => {
  it('maps each reward type to the button the winner sees', () => {
    const cases: [Reward, string][] = [
      [{ type: 'physical', name: 'x' }, 'address_form'],
      [{ type: 'customer_service', name: 'x', contact: { type: 'qr_image', imageUrl: 'https://cdn/x.png' } }, 'contact_service'],
      [{ type: 'redeem_code', name: 'x', codePoolId: 1 }, 'show_code'],
      [{ type: 'red_packet', name: 'x', amountFen: 100, contact: { type: 'staff', userId: 'kf' } }, 'auto_payout'],
    ];
    for (const [reward, method] of cases) assert.equal(claimMethod(reward), method);
  });
});

describe('rewardSchema', () => {
  it('accepts a red packet at the amount bounds (support is decided by the campaign validator)', () => {
    for (const amountFen of [100, 20_000]) {
      assert.equal(rewardSchema.safeParse({ type: 'red_packet', name: 'x', amountFen, contact: { type: 'staff', userId: 'kf' } }).success, true);
    }
  });

  it('wants amounts in whole fen', () => {
    assert.equal(rewardSchema.safeParse({ type: 'red_packet', name: 'x', amountFen: 100.5, contact: { type: 'staff', userId: 'kf' } }).success, false);
  });

  it('accepts absolute and server-relative QR image URLs only', () => {
    const parse = (imageUrl: string) => rewardSchema.safeParse({ type: 'customer_service', name: 'x', contact: { type: 'qr_image', imageUrl } }).success;
    assert.equal(parse('https://cdn.example.com/q.png'), true);
    assert.equal(parse('/media/q.png'), true);
    assert.equal(parse('data:image/png;base64,AAAA'), false);
    assert.equal(parse('https://x/ y.png'), false);
  });
});
