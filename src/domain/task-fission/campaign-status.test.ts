import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { campaignStatus, endReason, type CampaignTimeline } from './campaign-status.ts';

const start = new Date('2025-06-01T02:00:00Z');
const end = new Date('2025-06-18T16:00:00Z');
const before = new Date('2025-05-30T00:00:00Z');
const during = new Date('2025-06-10T00:00:00Z');

function timeline(patch: Partial<CampaignTimeline> = {}): CampaignTimeline {
  return { publishedAt: new Date('2025-05-20T00:00:00Z'), startAt: start, endAt: end, endedAt: null, stockLeftByTier: [5, 0], ...patch };
}

describe('campaignStatus', () => {
  it('is draft until published, whatever the clock says', () => {
    for (const now of [before, during, end]) assert.equal(campaignStatus(timeline({ publishedAt: null }), now), 'draft');
  });

  it('is scheduled when published before the start', () => {
    assert.equal(campaignStatus(timeline(), before), 'scheduled');
    assert.equal(campaignStatus(timeline(), new Date(start.getTime() - 1)), 'scheduled');
  });

  it('is running from the start instant up to (not including) the end instant', () => {
    assert.equal(campaignStatus(timeline(), start), 'running');
    assert.equal(campaignStatus(timeline(), during), 'running');
    assert.equal(campaignStatus(timeline(), new Date(end.getTime() - 1)), 'running');
  });

  it('is ended at the end instant', () => {
    assert.equal(campaignStatus(timeline(), end), 'ended');
  });

  it('is ended when every tier is out of stock', () => {
    assert.equal(campaignStatus(timeline({ stockLeftByTier: [0, 0] }), during), 'ended');
    assert.equal(campaignStatus(timeline({ stockLeftByTier: [0, 1] }), during), 'running');
  });

  it('is ended once ended early, even before the start', () => {
    const endedAt = new Date('2025-05-25T00:00:00Z');
    assert.equal(campaignStatus(timeline({ endedAt }), before), 'ended');
    assert.equal(campaignStatus(timeline({ endedAt }), during), 'ended');
  });
});

describe('endReason', () => {
  it('is null for drafts and live campaigns', () => {
    assert.equal(endReason(timeline({ publishedAt: null, stockLeftByTier: [0] }), end), null);
    assert.equal(endReason(timeline(), during), null);
  });

  it('says why a campaign ended, an early end first', () => {
    assert.equal(endReason(timeline({ endedAt: during, stockLeftByTier: [0, 0] }), end), 'ended_early');
    assert.equal(endReason(timeline({ stockLeftByTier: [0, 0] }), end), 'end_time');
    assert.equal(endReason(timeline({ stockLeftByTier: [0, 0] }), during), 'sold_out');
  });
});
