// Participant search on the dashboard benchmark's campaign: the admin list's first page (20 rows,
// newest first) through the participant module's listParticipants, for fragments from rare to
// frequent, Latin in another case, no match and an exact external_userid. Baseline, measured once
// per fragment in the same run: the same call with the nickname index dropped inside a transaction
// that is rolled back (what the search cost before migration 0080).
import type { Db, Queryable } from '../db/client.ts';
import { listParticipants } from '../modules/participant/list-participants.ts';
import { NICKNAME_POOL } from './dashboard-data.ts';
import { summarize, type LatencySummary } from './percentiles.ts';

export interface SearchResult {
  label: string;
  fragment: string;
  /** Participants the fragment matches in the campaign. */
  matches: number;
  /** Rows on the page (at most 20). */
  pageRows: number;
  queryMs: LatencySummary;
  /** One run without the nickname index. */
  unindexedMs: number;
}

const INDEX = 'participants_nickname_grams';

function fragments(externalUserId: string): Array<{ label: string; fragment: string }> {
  const pool = [...NICKNAME_POOL];
  const rare = pool.length - 1;
  return [
    { label: 'two rare characters', fragment: pool[rare]! + pool[rare - 1]! },
    { label: 'two frequent characters', fragment: pool[0]! + pool[1]! },
    { label: 'one rare character', fragment: pool[rare]! },
    { label: 'one frequent character', fragment: pool[0]! },
    { label: 'Latin, other case', fragment: 'lily' },
    { label: 'no match', fragment: '无此人' },
    { label: 'exact external_userid', fragment: externalUserId },
  ];
}

class Rollback extends Error {}

export async function benchParticipantSearch(db: Db, workspaceId: string, campaignId: number, o: { runs: number }): Promise<SearchResult[]> {
  const mid = (await db.query<{ ext: string }>(
    `SELECT external_userid AS ext FROM participants WHERE campaign_id = $1 ORDER BY id OFFSET (SELECT count(*) / 2 FROM participants WHERE campaign_id = $1) LIMIT 1`, [campaignId])).rows[0]!.ext;
  const search = (q: Queryable, fragment: string) => listParticipants(q, workspaceId, campaignId, { search: fragment, limit: 20 });
  const out: SearchResult[] = [];
  for (const { label, fragment } of fragments(mid)) {
    const matches = (await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM participants WHERE campaign_id = $1 AND (nickname ILIKE $2 OR external_userid = $3)`,
      [campaignId, `%${fragment.replace(/[\\%_]/g, '\\$&')}%`, fragment])).rows[0]!.n;
    const pageRows = (await search(db, fragment)).items.length;
    if (pageRows !== Math.min(20, matches)) throw new Error(`search ${JSON.stringify(fragment)}: a page of ${pageRows} rows, but ${matches} participants match`);
    const times: number[] = [];
    for (let i = 0; i < o.runs; i++) {
      const t = performance.now();
      await search(db, fragment);
      times.push(performance.now() - t);
    }
    out.push({ label, fragment, matches, pageRows, queryMs: summarize(times), unindexedMs: 0 });
  }
  // DDL is transactional: the index is gone for these queries only.
  await db.transaction(async (tx) => {
    await tx.exec(`DROP INDEX ${INDEX}`);
    for (const r of out) {
      const t = performance.now();
      await search(tx, r.fragment);
      r.unindexedMs = Math.round((performance.now() - t) * 100) / 100;
    }
    throw new Rollback();
  }).catch((err: unknown) => {
    if (!(err instanceof Rollback)) throw err;
  });
  return out;
}
