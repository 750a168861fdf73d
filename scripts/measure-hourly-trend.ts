// Times the dashboard's trend-by-hour query (getCampaignHourlyStats) on a large generated campaign.
//   node_modules/.bin/node scripts/measure-hourly-trend.ts postgres://postgres@127.0.0.1:5432/hourly [participants] [helps]
// The database must exist and be empty on the first run (the campaign is generated once, ~80 s for
// 200 000 participants and 1 000 000 helps on the 2-core VM); later runs reuse it.
import { openDb } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { generateDashboardCampaign } from '../src/bench/dashboard-data.ts';
import { getCampaignHourlyStats } from '../src/modules/campaign/get-campaign-hourly-stats.ts';
import { shanghaiDay } from '../src/modules/campaign/shanghai-day.ts';

const [url, participants = '200000', helps = '1000000'] = process.argv.slice(2);
if (!url) throw new Error('usage: measure-hourly-trend.ts POSTGRES_URL [participants] [helps]');
const db = await openDb({ url });
await migrate(db);
let c = (await db.query<{ id: number; ws: string }>(`SELECT id, workspace_id AS ws FROM campaigns ORDER BY id DESC LIMIT 1`)).rows[0];
if (!c) {
  const g = await generateDashboardCampaign(db, { participants: Number(participants), helps: Number(helps), log: console.log });
  c = { id: g.campaignId, ws: g.workspaceId };
}
await db.query('VACUUM ANALYZE');
const times: number[] = [];
for (let k = 0; k < 11; k++) {
  const day = shanghaiDay(new Date(Date.now() - (k % 10) * 3 * 86_400_000));
  const t = performance.now();
  await getCampaignHourlyStats(db, c.ws, c.id, day);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`trend by hour, one day of campaign ${c.id}: median ${times[5]!.toFixed(1)} ms, min ${times[0]!.toFixed(1)}, max ${times[10]!.toFixed(1)} (11 days)`);
await db.close();
