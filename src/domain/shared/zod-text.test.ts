import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { boundedText, byteBoundedText, uniqueItems } from './zod-text.ts';

function messages(schema: z.ZodType, value: unknown): string[] {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}|${i.message}`);
}

describe('boundedText', () => {
  const name = boundedText(1, 3);
  it('trims and counts characters', () => {
    assert.equal(name.parse('  一二三 '), '一二三');
    assert.equal(name.parse('😀😀😀'), '😀😀😀');
  });
  it('names the limit it broke', () => {
    assert.deepEqual(messages(name, '   '), ['|must not be empty']);
    assert.deepEqual(messages(name, '一二三四'), ['|must be at most 3 characters']);
    assert.deepEqual(messages(boundedText(5, 9), 'abcd'), ['|must be at least 5 characters']);
  });
});

describe('byteBoundedText', () => {
  const text = byteBoundedText(6);
  it('counts UTF-8 bytes', () => {
    assert.equal(text.parse('你好'), '你好');
    assert.deepEqual(messages(text, '你好a'), ['|must be at most 6 bytes of UTF-8 (a Chinese character is 3)']);
    assert.deepEqual(messages(text, ' '), ['|must not be empty']);
  });
});

describe('uniqueItems', () => {
  it('flags each repeat at its index', () => {
    const list = z.array(z.string()).superRefine(uniqueItems);
    assert.deepEqual(messages(list, ['a', 'b', 'a', 'a']), ['2|duplicate value "a"', '3|duplicate value "a"']);
    assert.deepEqual(messages(list, ['a', 'b']), []);
  });
});
