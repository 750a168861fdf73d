// The dashboard's trend by hour: the 24 hours of a Shanghai day, counted from the rows, add up to
// that day's counters for every metric; bad days are refused naming the field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { startAdminApi, type AdminApi } from '../helpers/admin-api.ts';
import { seedCampaign, seedStaff } from '../../src/db/seeders/task-fission-campaign.ts';
import { seedTaskFissionActivity } from '../../src/db/seeders/task-fission-activity.ts';
import { getCampaignStats } from '../../src/modules/campaign/get-campaign-stats.ts';

const NOW = new Date();
const METRICS = ['participants', 'completed', 'newFriends', 'lostFriends', 'validHelps'] as const;

describeEachEngine('campaign stats by hour', (ctx) => {
  let api: AdminApi;
  before(async () => {
    api = await startAdminApi(ctx().db, 'hourly');
    await seedStaff(ctx().db, api.ws.workspaceId);
  });
  after(async () => api.close());

  test('each day’s 24 hours add up to its daily counters; hours are Shanghai hours', async () => {
    const { db } = ctx();
    const ws = api.ws.workspaceId;
    const c = await seedCampaign(db, { workspaceId: ws, now: NOW, publish: true });
    await seedTaskFissionActivity(db, { workspaceId: ws, campaignId: c.id, participants: 80, seed: 11, until: NOW });
    const stats = await getCampaignStats(db, ws, c.id, NOW);
    assert.ok(stats.daily.length >= 3, 'activity spread over several days');

    for (const daily of stats.daily) {
      const r = await api.call('GET', api.url(`/campaigns/${c.id}/stats/hourly?day=${daily.day}`), { as: 'viewer' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.day, daily.day);
      assert.deepEqual(r.body.hours.map((h: { hour: string }) => h.hour), Array.from({ length: 24 }, (_, h) => `${daily.day}T${String(h).padStart(2, '0')}`));
      for (const m of METRICS) {
        const sum = r.body.hours.reduce((s: number, h: Record<string, number>) => s + h[m]!, 0);
        assert.equal(sum, daily[m], `${daily.day} ${m}`);
      }
    }

    // One participant's join, placed by hand at 00:30 Shanghai time (16:30 UTC the day before).
    const day = stats.daily[0]!.day;
    const before = (await api.call('GET', api.url(`/campaigns/${c.id}/stats/hourly?day=${day}`))).body.hours[0].participants;
    await db.query(`UPDATE participants SET joined_at = ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '30 minutes' WHERE id = (SELECT max(id) FROM participants WHERE campaign_id = $1)`, [c.id, day]);
    const after_ = (await api.call('GET', api.url(`/campaigns/${c.id}/stats/hourly?day=${day}`))).body.hours;
    assert.equal(after_[0].participants, before + 1);

    // Without a day: today in Shanghai.
    const today = await api.call('GET', api.url(`/campaigns/${c.id}/stats/hourly`));
    assert.equal(today.body.day, stats.today);
  });

  test('a day that is not a calendar day is refused naming the field; unknown campaign 404; no session 401', async () => {
    const c = await seedCampaign(ctx().db, { workspaceId: api.ws.workspaceId, now: NOW });
    for (const bad of ['2025-02-30', 'yesterday', '2025-1-5']) {
      const r = await api.call('GET', api.url(`/campaigns/${c.id}/stats/hourly?day=${bad}`));
      assert.equal(r.status, 400, bad);
      assert.deepEqual(r.body.error.fields.map((f: { path: string }) => f.path), ['querystring.day']);
    }
    const empty = await api.call('GET', api.url(`/campaigns/${c.id}/stats/hourly?day=2025-06-01`));
    assert.equal(empty.status, 200);
    assert.ok(empty.body.hours.every((h: Record<string, number>) => METRICS.every((m) => h[m] === 0)));
    assert.equal((await api.call('GET', api.url('/campaigns/999999/stats/hourly'))).status, 404);
    assert.equal((await api.call('GET', api.url(`/campaigns/${c.id}/stats/hourly`), { as: null })).status, 401);
  });
});
