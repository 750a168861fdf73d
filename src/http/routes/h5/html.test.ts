import { test } from 'node:test';
import assert from 'node:assert/strict';
import { esc, page } from './html.ts';

test('escapes markup and quotes in user-controlled text', () => {
  assert.equal(esc(`<script>alert("x")</script> & 'y'`), '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  assert.equal(esc(null), '');
  assert.ok(page('<b>', 'ok').includes('<title>&lt;b&gt;</title>'));
});
