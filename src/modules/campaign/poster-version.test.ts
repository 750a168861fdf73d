import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPosterTemplate } from '../../domain/poster/template.ts';
import { nextPosterTemplate } from './poster-version.ts';

const t = { ...defaultPosterTemplate(), version: 3 };
const moved = { ...t, qr: { ...t.qr, y: t.qr.y - 100 } };

test('a poster left out keeps the stored one; a first one is taken as sent', () => {
  assert.equal(nextPosterTemplate(t, undefined), t);
  assert.equal(nextPosterTemplate(undefined, undefined), undefined);
  assert.equal(nextPosterTemplate(undefined, { ...t, version: 1 })?.version, 1);
});

test('the same layout keeps the stored version, whatever version was sent', () => {
  assert.equal(nextPosterTemplate(t, { ...t, version: 1 })?.version, 3);
  assert.equal(nextPosterTemplate(t, { ...t, version: 9 })?.version, 3);
});

test('a changed layout goes above both the stored and the sent version', () => {
  assert.equal(nextPosterTemplate(t, { ...moved, version: 1 })?.version, 4);
  assert.equal(nextPosterTemplate(t, { ...moved, version: 3 })?.version, 4);
  assert.equal(nextPosterTemplate(t, { ...moved, version: 7 })?.version, 8);
});
