import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderPlaceholders, unknownPlaceholders } from './placeholders.ts';

const known = ['nickname', 'link'];

describe('renderPlaceholders', () => {
  it('replaces every occurrence of known placeholders', () => {
    assert.equal(renderPlaceholders('{nickname}, hi {nickname}: {link}', known, { nickname: '小王', link: 'https://x/y' }), '小王, hi 小王: https://x/y');
  });

  it('renders a missing value as empty', () => {
    assert.equal(renderPlaceholders('[{nickname}]', known, {}), '[]');
    assert.equal(renderPlaceholders('[{nickname}]', known, { nickname: undefined }), '[]');
  });

  it('leaves unknown placeholders and stray braces as written', () => {
    assert.equal(renderPlaceholders('{foo} {link} { nickname } {} {1x}', known, { link: 'L', foo: 'F' }), '{foo} L { nickname } {} {1x}');
  });

  it('does not expand placeholders found inside values', () => {
    assert.equal(renderPlaceholders('{nickname}', known, { nickname: '{link}', link: 'L' }), '{link}');
  });

  it('ignores inherited object keys', () => {
    assert.equal(renderPlaceholders('{constructor}', ['constructor'], {}), '');
    assert.equal(renderPlaceholders('{toString}', known, {}), '{toString}');
  });
});

describe('unknownPlaceholders', () => {
  it('lists each unknown name once, in order', () => {
    assert.deepEqual(unknownPlaceholders('{b} {nickname} {a} {b}', known), ['b', 'a']);
    assert.deepEqual(unknownPlaceholders('no placeholders {}', known), []);
  });
});
