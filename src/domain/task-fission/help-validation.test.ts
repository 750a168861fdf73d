import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { INVALID_HELP_REASONS, validateHelp, type HelpFacts, type HelpRules, type InvalidHelpReason } from './help-validation.ts';

const rules: HelpRules = { helpsPerHelper: 1, noMutualHelp: false, genderFilter: 'all', newCustomersOnly: false };
const strict: HelpRules = { helpsPerHelper: 2, noMutualHelp: true, genderFilter: 'female', newCustomersOnly: true };

function facts(patch: Partial<HelpFacts> = {}): HelpFacts {
  return {
    status: 'running',
    stockLeft: 10,
    inviterId: 'wmInviter',
    helperId: 'wmHelper',
    helperAlreadyHelpedInviter: false,
    helpsUsedByHelper: 0,
    inviterHelpedHelper: false,
    helperGender: 'female',
    helperAlreadyParticipated: false,
    helperWasCustomerBefore: false,
    ...patch,
  };
}

const reasonOf = (r: HelpRules, f: HelpFacts) => {
  const v = validateHelp(r, f);
  return v.valid ? 'valid' : v.reason;
};

describe('validateHelp: each reason', () => {
  it('accepts a fresh helper on a running campaign', () => {
    assert.deepEqual(validateHelp(rules, facts()), { valid: true });
    assert.deepEqual(validateHelp(strict, facts()), { valid: true });
  });

  it('campaign_not_started for drafts and scheduled campaigns', () => {
    assert.deepEqual(validateHelp(rules, facts({ status: 'draft' })), { valid: false, reason: 'campaign_not_started' });
    assert.equal(reasonOf(rules, facts({ status: 'scheduled' })), 'campaign_not_started');
  });

  it('stock_empty when every tier is gone', () => {
    assert.equal(reasonOf(rules, facts({ stockLeft: 0 })), 'stock_empty');
    assert.equal(reasonOf(rules, facts({ status: 'ended', stockLeft: 0 })), 'stock_empty');
    assert.equal(reasonOf(rules, facts({ stockLeft: 1 })), 'valid');
  });

  it('campaign_ended for an ended campaign with stock left', () => {
    assert.equal(reasonOf(rules, facts({ status: 'ended' })), 'campaign_ended');
  });

  it('self_help, always', () => {
    assert.equal(reasonOf(rules, facts({ helperId: 'wmInviter' })), 'self_help');
  });

  it('already_helped this inviter', () => {
    assert.equal(reasonOf({ ...rules, helpsPerHelper: 5 }, facts({ helperAlreadyHelpedInviter: true, helpsUsedByHelper: 1 })), 'already_helped');
  });

  it('mutual_help only when the campaign forbids it', () => {
    assert.equal(reasonOf({ ...rules, noMutualHelp: true }, facts({ inviterHelpedHelper: true })), 'mutual_help');
    assert.equal(reasonOf(rules, facts({ inviterHelpedHelper: true })), 'valid');
  });

  it('gender under a filter, unless the helper already took part', () => {
    const female: HelpRules = { ...rules, genderFilter: 'female' };
    assert.equal(reasonOf(female, facts({ helperGender: 'male' })), 'gender');
    assert.equal(reasonOf(female, facts({ helperGender: 'unknown' })), 'gender');
    assert.equal(reasonOf(female, facts({ helperGender: 'male', helperAlreadyParticipated: true })), 'valid');
    assert.equal(reasonOf({ ...rules, genderFilter: 'male' }, facts({ helperGender: 'male' })), 'valid');
  });

  it('not_new_customer only under new-customers-only', () => {
    assert.equal(reasonOf({ ...rules, newCustomersOnly: true }, facts({ helperWasCustomerBefore: true })), 'not_new_customer');
    assert.equal(reasonOf(rules, facts({ helperWasCustomerBefore: true })), 'valid');
  });

  it('help_limit at exactly the limit', () => {
    assert.equal(reasonOf(rules, facts({ helpsUsedByHelper: 1 })), 'help_limit');
    assert.equal(reasonOf({ ...rules, helpsPerHelper: 3 }, facts({ helpsUsedByHelper: 2 })), 'valid');
    assert.equal(reasonOf({ ...rules, helpsPerHelper: 3 }, facts({ helpsUsedByHelper: 3 })), 'help_limit');
  });
});

describe('validateHelp: order of checks', () => {
  // Every failure at once; removing them one by one in the documented order must reveal each reason in turn.
  const allFailing: [InvalidHelpReason, Partial<HelpFacts>][] = [
    ['campaign_not_started', { status: 'scheduled' }],
    ['stock_empty', { stockLeft: 0 }],
    ['campaign_ended', { status: 'ended' }],
    ['self_help', { helperId: 'wmInviter' }],
    ['already_helped', { helperAlreadyHelpedInviter: true }],
    ['mutual_help', { inviterHelpedHelper: true }],
    ['gender', { helperGender: 'male' }],
    ['not_new_customer', { helperWasCustomerBefore: true }],
    ['help_limit', { helpsUsedByHelper: 2 }],
  ];

  it('documents the same order it applies', () => {
    assert.deepEqual(allFailing.map(([reason]) => reason), [...INVALID_HELP_REASONS]);
  });

  it('reports the first failing check', () => {
    for (let i = 0; i < allFailing.length; i++) {
      // Later patches first so that status 'scheduled' wins over 'ended' when both are present.
      const patch = Object.assign({}, ...allFailing.slice(i).map(([, p]) => p).reverse()) as Partial<HelpFacts>;
      assert.equal(reasonOf(strict, facts(patch)), allFailing[i]![0]);
    }
  });
});
