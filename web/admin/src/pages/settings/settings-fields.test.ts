import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomToken, toFormValues, toPatch, type SecretField } from './settings-fields.ts';

const view = {
  name: '演示',
  useSandbox: true,
  settings: { wecomCorpId: 'ww123456', wecomAgentId: 1000002, wecomContactSecret: '****9876', oaAppId: null, payApiKey: '****abcd' },
};

test('an untouched form sends nothing, and masked secrets are never part of a patch', () => {
  const initial = toFormValues(view);
  assert.equal(initial.wecomContactSecret, '', 'secrets start empty, the mask is only shown as a hint');
  assert.deepEqual(toPatch(initial, { ...initial }, new Set()), {});
  // Even if a mask found its way into a field (pasted back), it is not sent.
  assert.deepEqual(toPatch(initial, { ...initial, payApiKey: '****abcd' }, new Set()), {});
});

test('changed plain fields are sent, emptied ones as null; typed secrets are sent, cleared ones as null', () => {
  const initial = toFormValues(view);
  const values = { ...initial, wecomCorpId: '  ', oaAppId: 'wx0123456789abcdef', wecomAgentId: 1000002, wecomContactSecret: 'new-secret-1', name: ' 新名字 ' };
  assert.deepEqual(toPatch(initial, values, new Set<SecretField>(['payApiKey'])), {
    name: '新名字',
    wecomCorpId: null,
    oaAppId: 'wx0123456789abcdef',
    wecomContactSecret: 'new-secret-1',
    payApiKey: null,
  });
});

test('generated tokens have the asked length and only letters and digits', () => {
  for (const n of [32, 43]) assert.match(randomToken(n), new RegExp(`^[A-Za-z0-9]{${n}}$`));
  assert.notEqual(randomToken(43), randomToken(43));
});
