import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, verifyPassword } from './password.ts';

test('a hash verifies its password and nothing else', async () => {
  const h = await hashPassword('correct horse');
  assert.match(h, /^scrypt\$/);
  assert.equal(await verifyPassword('correct horse', h), true);
  assert.equal(await verifyPassword('correct hors', h), false);
  assert.notEqual(await hashPassword('correct horse'), h, 'salted');
  assert.equal(await verifyPassword('x', 'garbage'), false);
});
