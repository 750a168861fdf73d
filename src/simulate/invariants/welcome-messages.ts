// What people received agrees with what Fission recorded: for every customer and staff member, the
// welcome messages the sandbox (WeChat) delivered equal the welcome attempts marked sent.
import type { Queryable } from '../../db/client.ts';
import type { SandboxClient } from '../clients.ts';
import { violationsOf, type Violation } from './invariant-types.ts';

export const WELCOME_DELIVERED = 'welcome_sent_equals_welcome_received';

export async function checkWelcomeMessages(q: Queryable, sandbox: SandboxClient, corpid: string, campaignId: number): Promise<Violation[]> {
  const rows = (await q.query<{ ext: string; staff: string; sent: number }>(
    `SELECT external_userid AS ext, staff_userid AS staff, count(*) FILTER (WHERE status = 'sent')::int AS sent
       FROM welcome_attempts WHERE campaign_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`, [campaignId])).rows;
  const out: string[] = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < rows.length; i = next++) {
      const r = rows[i]!;
      const { messages } = await sandbox.api('GET', `/corps/${corpid}/messages?to=${encodeURIComponent(r.ext)}&kind=welcome&limit=1000`);
      const received = (messages as Array<{ from: string }>).filter((m) => m.from === r.staff).length;
      if (received !== r.sent) out.push(`${r.ext} from ${r.staff}: ${r.sent} welcome(s) marked sent, ${received} received`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, lane));
  return violationsOf(WELCOME_DELIVERED, out.sort());
}
