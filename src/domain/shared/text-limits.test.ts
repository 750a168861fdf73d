import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { charCount, truncateUtf8, utf8ByteLength } from './text-limits.ts';

describe('utf8ByteLength', () => {
  it('counts ASCII as 1, CJK as 3 and astral emoji as 4 bytes', () => {
    assert.equal(utf8ByteLength('a'), 1);
    assert.equal(utf8ByteLength('裂'), 3);
    assert.equal(utf8ByteLength('😀'), 4);
    assert.equal(utf8ByteLength(''), 0);
  });
});

describe('charCount', () => {
  it('counts code points, not UTF-16 units', () => {
    assert.equal(charCount('张三'), 2);
    assert.equal(charCount('😀a'), 2);
    assert.equal('😀a'.length, 3);
  });
});

describe('truncateUtf8', () => {
  it('returns text that already fits unchanged', () => {
    assert.equal(truncateUtf8('你好', 6), '你好');
    assert.equal(truncateUtf8('', 0), '');
  });

  it('never splits a multi-byte character', () => {
    assert.equal(truncateUtf8('你好', 5), '你');
    assert.equal(truncateUtf8('你好', 3), '你');
    assert.equal(truncateUtf8('你好', 2), '');
    assert.equal(truncateUtf8('a😀', 4), 'a');
    assert.equal(truncateUtf8('a😀', 5), 'a😀');
  });

  it('keeps a ZWJ emoji sequence whole or drops it', () => {
    const family = '👨‍👩‍👧'; // 3 emoji joined by 2 ZWJ: 4*3 + 3*2 = 18 bytes
    assert.equal(utf8ByteLength(family), 18);
    assert.equal(truncateUtf8(`ab${family}`, 19), 'ab');
    assert.equal(truncateUtf8(`ab${family}`, 20), `ab${family}`);
  });

  it('cuts a 4000-byte limit exactly at the boundary', () => {
    const text = '裂'.repeat(1334); // 4002 bytes
    const cut = truncateUtf8(text, 4000);
    assert.equal(utf8ByteLength(cut), 3999);
    assert.equal(cut, '裂'.repeat(1333));
    assert.equal(truncateUtf8('a'.repeat(4001), 4000).length, 4000);
  });

  it('rejects a negative or fractional budget', () => {
    assert.throws(() => truncateUtf8('x', -1), RangeError);
    assert.throws(() => truncateUtf8('x', 1.5), RangeError);
  });
});
