// `fission bench` end to end at tiny sizes (no speed is asserted: only that every metric ran on
// every engine, did the work it claims, and that the report is one JSON object).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFission } from '../helpers/cli.ts';

const pg = process.env.TEST_DATABASE_URL;

test('every metric at tiny sizes, on PGlite (and PostgreSQL when available), as one JSON object', { timeout: 1_200_000 }, async () => {
  const r = await runFission(['bench', '--quick', '--json', '--rate', '100', '--seconds', '0.5', '--capacity-requests', '60', '--capacity-clients', '8',
    '--helps', '20', '--help-inviters', '4', '--welcome-adds', '10', '--stats-participants', '500', '--stats-helps', '2000', '--stats-runs', '3', '--search-runs', '2',
    '--poster-renders', '8', ...(pg ? ['--database-url', pg] : [])], {}, 1_200_000);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1, r.stdout);
  const report = JSON.parse(lines[0]!);
  const engines = pg ? ['pglite', 'postgres'] : ['pglite'];
  assert.deepEqual(report.engines, engines);

  assert.deepEqual(report.ingestion.map((i: any) => i.engine), engines);
  for (const i of report.ingestion) {
    for (const run of [i.atRate.route, i.atRate.baseline]) assert.deepEqual([run.requests, run.ok, run.failures], [50, 50, {}]);
    for (const run of [i.capacity.route, i.capacity.baseline]) assert.deepEqual([run.requests, run.ok], [60, 60]);
    assert.ok(i.atRate.route.latencyMs.p99 > 0 && i.capacity.ratio > 0);
    // The server's CPU is read on PostgreSQL (same machine); PGlite's is in the process's own.
    if (i.engine === 'postgres') assert.ok(i.capacity.route.dbCpuMsPerRequest > 0, JSON.stringify(i.capacity.route));
    else assert.equal(i.capacity.route.dbCpuMsPerRequest, null);
  }
  assert.deepEqual(report.helpProcessing.map((h: any) => [h.engine, h.helps, h.outcomes]), engines.map((e) => [e, 20, { valid: 20 }]));
  for (const w of report.welcome) assert.equal(w.sent + Object.values(w.notSent as Record<string, number>).reduce((a, b) => a + b, 0), 10);
  for (const h of report.helpProcessing) assert.equal(h.dbCpuMsPerHelp === null, h.engine === 'pglite');
  for (const d of report.dashboard) {
    assert.deepEqual([d.campaign.participants, d.campaign.helps, d.invariants.ok, d.queryMs.count, d.hourlyMs.count], [500, 2000, true, 3, 3]);
    assert.ok(d.hourlyParticipants > 0, 'the busiest day has joins');
    // Every search fragment ran, found its first page (checked against a plain count inside the bench) and ran without the index too.
    assert.equal(d.search.length, 7);
    for (const x of d.search) assert.deepEqual([x.queryMs.count, x.pageRows, x.unindexedMs > 0], [2, Math.min(20, x.matches), true], JSON.stringify(x));
    assert.ok(d.search.some((x: any) => x.matches > 0) && d.search.some((x: any) => x.matches === 0));
  }
  assert.equal(report.posters.renders, 8);
  assert.ok(report.h5.firstLoadGzipKb > 0 && report.h5.files.length > 0);
  // A goal per figure.
  assert.equal(report.goals.length, engines.length * 7 + 2);
  assert.ok(report.goals.every((g: any) => typeof g.met === 'boolean'));
});

test('bad options exit 2 naming each flag', async () => {
  const r = await runFission(['bench', '--rate', '0', '--only', 'ingestion,nope', '--database-url', 'mysql://x']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--rate: /);
  assert.match(r.stderr, /--only: unknown metric nope/);
  assert.match(r.stderr, /--database-url: must be a postgres:\/\/ URL/);
});
