// Contact ways leaked by a crash, found and deleted through the real sandbox. The crash is played
// by making codes at WeCom the way ensure-contact-way.ts does (our state, our remark) without
// keeping a row. A pass deletes those; it keeps our live codes, other tools' codes (another
// state, or our state with another installation's mark) and a code whose pending row is fresh
// (being created right now); running it again is harmless.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { startFissionWorld, type FissionWorld } from '../helpers/fission-world.ts';
import { DEMO_CORPID, type Json } from '../helpers/sandbox.ts';
import { encodeContactWayState, type ContactWayStateInput } from '../../src/domain/shared/contact-way-state.ts';
import { contactWayRemark } from '../../src/domain/shared/contact-way-remark.ts';
import type { JobQueue } from '../../src/jobs/queue.ts';
import { ensureContactWay } from '../../src/modules/fission/ensure-contact-way.ts';
import { reconcileContactWays, type ReconcilePage, type ReconcileTotals } from '../../src/modules/fission/reconcile-contact-ways.ts';

describeEachEngine('reconciling contact ways leaked by a crash', (ctx) => {
  let w: FissionWorld;
  before(async () => {
    w = await startFissionWorld(ctx().db, 'reconcile');
  });
  after(async () => {
    await w?.close();
  });

  const q = (sql: string, params: unknown[] = []) => ctx().db.query(sql, params);
  const atWeCom = async () => new Set(((await w.sb.api('GET', `/corps/${DEMO_CORPID}/contact-ways`)).body.contactWays as Json[]).map((x) => x.configId as string));
  /** add_contact_way as a Fission process that then died would have called it (no row kept). */
  const make = async (state: string, remark: string, user = 'ZhangWei') => {
    const r = await w.sb.wecom(`/cgi-bin/externalcontact/add_contact_way?access_token=${await w.sb.token()}`, { type: 1, scene: 2, user: [user], state, remark });
    assert.equal(r.errcode, 0, JSON.stringify(r));
    return r.config_id as string;
  };
  const remark = (campaignId: number, participantId: number | null, serviceUserId: string | null = null) => contactWayRemark(w.workspaceId, { campaignId, participantId, serviceUserId });

  /** One whole pass, page by page (`pageSize` codes a page, deleting once `holdAtMost` are found), driving the next pages itself. */
  const pass = async (pageSize = 1000, holdAtMost = 200): Promise<{ totals: ReconcileTotals; pages: number }> => {
    const sent: ReconcilePage[] = [];
    // The next page goes to this queue instead of the world's workers, so this pass runs alone.
    const jobs = { send: async (_def: unknown, data: { page: ReconcilePage | null }) => void sent.push(data.page!) } as unknown as JobQueue;
    const deps = { db: ctx().db, config: w.config, jobs };
    let page: ReconcilePage | null = null;
    for (let pages = 1; ; pages++) {
      const r = await reconcileContactWays(deps, { workspaceId: w.workspaceId, page }, new Date(), { pageSize, holdAtMost });
      if (r.done) return { totals: r.totals, pages };
      page = sent.at(-1)!;
      assert.deepEqual(page, r.next);
    }
  };

  test('leaked codes are deleted; live, foreign and in-flight ones kept; a second pass is harmless', async () => {
    const c = await w.campaign();
    const [a, b, cc] = await w.people(3);
    for (const p of [a!, b!, cc!]) await w.scan(p, c.qrUrl);
    await w.settle();
    const [A, B, C] = (await q(`SELECT id FROM participants WHERE campaign_id = $1 ORDER BY id`, [c.id])).rows.map((r) => r.id as number);
    const helpA = await ensureContactWay({ db: ctx().db, jobs: w.jobs, config: w.config }, { workspaceId: w.workspaceId, campaignId: c.id, participantId: A! });
    const state = (s: ContactWayStateInput) => encodeContactWayState(s);

    // Leaked: a second code for A's slot (its creator's row was taken over), B's help code and the
    // campaign's service code for LiNa, whose rows were lost.
    const leaked = [
      await make(state({ campaignId: c.id, inviterParticipantId: A! }), remark(c.id, A!)),
      await make(state({ campaignId: c.id, inviterParticipantId: B! }), remark(c.id, B!)),
      await make(state({ kind: 'service', campaignId: c.id }), remark(c.id, null, 'LiNa'), 'LiNa'),
    ];
    // Not ours: another tool's state, and our state made by another installation (another mark).
    const foreign = [
      await make('teststate', '门店活码'),
      await make(state({ campaignId: c.id, inviterParticipantId: B! }), contactWayRemark('00000000-0000-4000-8000-000000000000', { campaignId: c.id, participantId: B!, serviceUserId: null })),
    ];
    // In flight: C's code is being created — its pending row is fresh, WeCom has answered, the row is not filled yet.
    await q(`INSERT INTO contact_ways (workspace_id, campaign_id, participant_id, state, staff_userids) VALUES ($1, $2, $3, $4, '{ZhangWei}')`, [w.workspaceId, c.id, C!, state({ campaignId: c.id, inviterParticipantId: C! })]);
    const inFlight = await make(state({ campaignId: c.id, inviterParticipantId: C! }), remark(c.id, C!));

    const live = 2; // the activity code and A's help code
    // Small pages, and deletions done as soon as 2 are found (then the list is read again from the start).
    const first = await pass(3, 2);
    assert.ok(first.pages >= 3, `paged: ${first.pages}`);
    assert.deepEqual({ ...first.totals, listed: undefined }, { listed: undefined, deleted: 3, keptForeign: 2, keptInFlight: 1 });
    // Counted afresh after a restart, when codes deleted then are no longer listed.
    assert.ok(first.totals.listed >= foreign.length + 1 + live, String(first.totals.listed));
    const now = await atWeCom();
    for (const id of leaked) assert.ok(!now.has(id), `leaked ${id} deleted`);
    for (const id of [...foreign, inFlight, helpA.configId]) assert.ok(now.has(id), `${id} kept`);
    assert.equal((await q(`SELECT count(*)::int AS n FROM contact_ways WHERE campaign_id = $1 AND deleted_at IS NULL AND config_id IS NOT NULL`, [c.id])).rows[0]!.n, 2, 'our rows untouched');

    // Other tools' codes are remembered, so later passes do not look them up again.
    assert.deepEqual((await q(`SELECT config_id FROM contact_way_foreign_codes WHERE workspace_id = $1 ORDER BY config_id`, [w.workspaceId])).rows.map((r) => r.config_id), [...foreign].sort());

    // Again: nothing more to delete; the in-flight code is looked at again.
    const second = await pass();
    assert.deepEqual({ ...second.totals, listed: undefined }, { listed: undefined, deleted: 0, keptForeign: 2, keptInFlight: 1 });

    // Its creator died: the pending row goes stale. The next pass frees the slot and deletes the code.
    await q(`UPDATE contact_ways SET created_at = now() - interval '2 minutes' WHERE participant_id = $1`, [C!]);
    const third = await pass();
    assert.deepEqual({ ...third.totals, listed: undefined }, { listed: undefined, deleted: 1, keptForeign: 2, keptInFlight: 0 });
    assert.ok(!(await atWeCom()).has(inFlight));
    assert.equal((await q(`SELECT count(*)::int AS n FROM contact_ways WHERE participant_id = $1`, [C!])).rows[0]!.n, 0);
    // C's code can be made again as usual.
    const helpC = await ensureContactWay({ db: ctx().db, jobs: w.jobs, config: w.config }, { workspaceId: w.workspaceId, campaignId: c.id, participantId: C! });
    assert.ok((await atWeCom()).has(helpC.configId));

    const last = (await q(`SELECT listed, deleted, kept_foreign, kept_in_flight FROM contact_way_reconciles WHERE workspace_id = $1`, [w.workspaceId])).rows[0]!;
    assert.deepEqual([last.listed, last.deleted, last.kept_foreign, last.kept_in_flight], [third.totals.listed, 1, 2, 0]);
  });

  test('on demand through the admin API: a job runs the pass and plans the next daily one', async () => {
    const c = await w.campaign();
    const leak = await make(encodeContactWayState({ campaignId: c.id, inviterParticipantId: null }), remark(c.id, null));
    assert.equal((await w.admin('POST', `/api/admin/workspaces/${w.slug}/contact-way-reconcile`, { as: 'viewer' })).status, 403);
    const asked = await w.admin('POST', `/api/admin/workspaces/${w.slug}/contact-way-reconcile`);
    assert.equal(asked.status, 202);
    await w.settle();
    assert.ok(!(await atWeCom()).has(leak));
    assert.ok((await atWeCom()).has((await q(`SELECT config_id FROM contact_ways WHERE campaign_id = $1 AND participant_id IS NULL AND deleted_at IS NULL`, [c.id])).rows[0]!.config_id));
    const last = await w.admin('GET', `/api/admin/workspaces/${w.slug}/contact-way-reconcile`, { as: 'viewer' });
    assert.equal(last.status, 200);
    assert.equal(last.body.last.deleted, 1, JSON.stringify(last.body));
    // The next pass waits for 04:00 in Shanghai (20:00 UTC), one job per run time.
    const daily = (await q(`SELECT start_after FROM pgboss.job WHERE name = 'fission.contact-ways.reconcile' AND state = 'created'`)).rows;
    assert.equal(daily.length, 1, JSON.stringify(daily));
    const at = daily[0]!.start_after as Date;
    assert.equal(at.getUTCHours(), 20);
    assert.ok(at.getTime() > Date.now() && at.getTime() <= Date.now() + 86_400_000);
  });
});
