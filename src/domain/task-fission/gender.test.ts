import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveGender, passesGenderFilter } from './gender.ts';

describe('effectiveGender', () => {
  it('prefers the gender set on the customer profile', () => {
    assert.equal(effectiveGender('female', 'male'), 'female');
    assert.equal(effectiveGender(null, 'male'), 'male');
    assert.equal(effectiveGender('unknown', 'male'), 'male');
  });
});

describe('passesGenderFilter', () => {
  it('lets everyone through "all"', () => {
    for (const g of ['male', 'female', 'unknown'] as const) assert.equal(passesGenderFilter('all', g, false), true);
  });

  it('lets only the matching gender through male/female', () => {
    assert.equal(passesGenderFilter('male', 'male', false), true);
    assert.equal(passesGenderFilter('male', 'female', false), false);
    assert.equal(passesGenderFilter('female', 'female', false), true);
    assert.equal(passesGenderFilter('female', 'male', false), false);
  });

  it('refuses an unknown gender under a filter', () => {
    assert.equal(passesGenderFilter('female', 'unknown', false), false);
  });

  it('exempts someone who already took part, whatever their gender now', () => {
    assert.equal(passesGenderFilter('female', 'male', true), true);
    assert.equal(passesGenderFilter('male', 'unknown', true), true);
  });
});
