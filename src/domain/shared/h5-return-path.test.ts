import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkReturnPath } from './h5-return-path.ts';

test('pages of the campaign under /h5 are accepted as they are', () => {
  for (const p of ['/h5/c/7', '/h5/c/7/', '/h5/c/7/me', '/h5/c/7/me/poster', '/h5/c/7/me/reward/2', '/h5/c/7/help/1a-0123456789ab', '/h5/c/7/join']) {
    assert.deepEqual(checkReturnPath(p, 7), { ok: true, path: p });
  }
});

test('anything that could leave the site, or the campaign, is refused', () => {
  const bad = [
    'https://evil.example/h5/c/7', '//evil.example/h5/c/7', '/\\evil.example', '/h5/c/7/../../admin', '/h5/c/7//evil', '/h5/c/7/me?x=1',
    '/h5/c/7/me#x', '/admin', '/h5/c/07', '/h5/c/8/me', '', 'h5/c/7', '/h5/c/7/me%2F..', '/h5/c/7/ me', `/h5/c/7/${'a'.repeat(200)}`,
  ];
  for (const p of bad) assert.equal(checkReturnPath(p, 7).ok, false, p);
  assert.match((checkReturnPath('/h5/c/8/me', 7) as { message: string }).message, /campaign 7/);
});
