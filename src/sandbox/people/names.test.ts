import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRng } from '../rng.ts';
import { NICKNAME_KINDS, nickname, pickNicknameKind } from './names.ts';

describe('nicknames', () => {
  it('produces each kind with its hazard', () => {
    const rng = seededRng(5);
    assert.match(nickname(rng, 'script'), /^<script>alert\(".+"\)<\/script>$/);
    assert.ok([...nickname(rng, 'long')].length > 30);
    assert.match(nickname(rng, 'quotes'), /"'.*\]\]>/);
    assert.match(nickname(rng, 'emoji'), /\p{Extended_Pictographic}/u);
    assert.match(nickname(rng, 'chinese'), /^\p{Script=Han}{2,3}$/u);
  });

  it('draws every kind within a few dozen people', () => {
    const rng = seededRng(1);
    const seen = new Set(Array.from({ length: 80 }, () => pickNicknameKind(rng)));
    assert.deepEqual([...seen].sort(), [...NICKNAME_KINDS].sort());
  });
});
