import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { contactWayRemark, remarkIsOurs, REMARK_MAX_LENGTH } from './contact-way-remark.ts';

const WS = '3f2a9c1e-7b4d-4e8f-9a0b-1c2d3e4f5a6b';
const OTHER = '3f2a9c1f-7b4d-4e8f-9a0b-1c2d3e4f5a6b';

describe('contactWayRemark', () => {
  it('names the workspace and what the code is for', () => {
    assert.equal(contactWayRemark(WS, { campaignId: 12, participantId: null, serviceUserId: null }), 'fission 3f2a9c1e 12');
    assert.equal(contactWayRemark(WS, { campaignId: 12, participantId: 345, serviceUserId: null }), 'fission 3f2a9c1e 12/345');
    assert.equal(contactWayRemark(WS, { campaignId: 12, participantId: null, serviceUserId: 'LiNa' }), 'fission 3f2a9c1e 12/cs');
  });

  it('fits WeCom’s 30 characters for the largest ids, keeping the mark', () => {
    const r = contactWayRemark(WS, { campaignId: Number.MAX_SAFE_INTEGER, participantId: Number.MAX_SAFE_INTEGER, serviceUserId: null });
    assert.equal(r.length, REMARK_MAX_LENGTH);
    assert.ok(remarkIsOurs(WS, r));
  });
});

describe('remarkIsOurs', () => {
  it('recognises only this workspace’s mark', () => {
    const r = contactWayRemark(WS, { campaignId: 1, participantId: 2, serviceUserId: null });
    assert.equal(remarkIsOurs(WS, r), true);
    assert.equal(remarkIsOurs(OTHER, r), false);
    for (const foreign of [undefined, null, 3, '', 'fission 1/2', 'fission 3f2a9c1e', '门店活码', 'Fission 3f2a9c1e 1']) assert.equal(remarkIsOurs(WS, foreign), false, String(foreign));
  });
});
