import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CallbackCryptoError } from './errors.ts';
import { bare, buildXml, parseXml, xmlInt } from './xml.ts';

describe('XML helpers', () => {
  it('builds strings as CDATA, numbers bare, skips undefined, repeats list items', () => {
    const xml = buildXml({ A: 'x', N: 12, U: undefined, B: bare('v1'), L: { Item: [bare('a'), bare('b')] }, E: '' });
    assert.equal(xml, '<xml><A><![CDATA[x]]></A><N>12</N><B>v1</B><L><Item>a</Item><Item>b</Item></L><E><![CDATA[]]></E></xml>');
  });

  it('keeps hostile text intact through a round-trip', () => {
    const nasty = `<script>alert("x")</script> ]]> & 'q' 😀`;
    const xml = buildXml({ Name: nasty, Bare: bare(nasty) });
    const back = parseXml(xml);
    assert.equal(back.Name, nasty);
    assert.equal(back.Bare, nasty);
  });

  it('parses WeChat-formatted XML with whitespace, keeping leaves as strings', () => {
    const x = parseXml('<xml>\n  <CreateTime>1403610513</CreateTime>\n  <Id><![CDATA[ 007 ]]></Id>\n  <Empty></Empty>\n</xml>');
    assert.equal(x.CreateTime, '1403610513');
    assert.equal(x.Id, ' 007 ');
    assert.equal(x.Empty, '');
    assert.equal(xmlInt(x, 'CreateTime'), 1403610513);
    assert.equal(xmlInt(x, 'Missing'), undefined);
  });

  it('rejects DTDs, malformed input and a missing root with -40002', () => {
    const bad = ['<!DOCTYPE x [<!ENTITY a "b">]><xml><A>&a;</A></xml>', '<xml><A></xml>', '<other/>', ''];
    for (const s of bad) assert.throws(() => parseXml(s), (e: unknown) => e instanceof CallbackCryptoError && e.code === -40002, s);
  });

  it('rejects non-integer integer fields', () => {
    assert.throws(() => xmlInt(parseXml('<xml><T>12a</T></xml>'), 'T'), CallbackCryptoError);
  });
});
