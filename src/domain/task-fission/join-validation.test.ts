import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateJoin, type JoinFacts } from './join-validation.ts';

const facts = (patch: Partial<JoinFacts> = {}): JoinFacts => ({ status: 'running', stockLeft: 3, gender: 'male', alreadyParticipated: false, ...patch });

describe('validateJoin', () => {
  it('lets anyone join a running campaign without a filter', () => {
    assert.deepEqual(validateJoin('all', facts({ gender: 'unknown' })), { valid: true });
  });

  it('refuses before the start, when sold out and after the end, in that order', () => {
    assert.deepEqual(validateJoin('all', facts({ status: 'draft' })), { valid: false, reason: 'campaign_not_started' });
    assert.deepEqual(validateJoin('all', facts({ status: 'scheduled', stockLeft: 0 })), { valid: false, reason: 'campaign_not_started' });
    assert.deepEqual(validateJoin('all', facts({ status: 'ended', stockLeft: 0 })), { valid: false, reason: 'stock_empty' });
    assert.deepEqual(validateJoin('all', facts({ status: 'ended' })), { valid: false, reason: 'campaign_ended' });
  });

  it('applies the gender filter unless they already took part', () => {
    assert.deepEqual(validateJoin('female', facts()), { valid: false, reason: 'gender' });
    assert.deepEqual(validateJoin('female', facts({ alreadyParticipated: true })), { valid: true });
    assert.deepEqual(validateJoin('male', facts()), { valid: true });
  });
});
