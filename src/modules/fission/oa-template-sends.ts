// Rows of oa_template_sends: the progress message of one help to its inviter (notify-inviter-progress.ts).
import type { Queryable } from '../../db/client.ts';

export type TemplateSendStatus = 'sending' | 'sent' | 'no_openid' | 'not_following' | 'refused' | 'failed';

export interface TemplateSendKey {
  workspaceId: string;
  helpId: number;
}

export async function findTemplateSend(q: Queryable, k: TemplateSendKey): Promise<{ status: TemplateSendStatus; msgid: number | null } | null> {
  const r = await q.query<{ status: TemplateSendStatus; msgid: number | null }>(`SELECT status, msgid FROM oa_template_sends WHERE workspace_id = $1 AND help_id = $2`, [k.workspaceId, k.helpId]);
  return r.rows[0] ?? null;
}

/** Records the outcome; a row already final (anything but 'sending') is left as it is. */
export async function saveTemplateSend(
  q: Queryable, k: TemplateSendKey & { campaignId: number; participantId: number },
  v: { status: TemplateSendStatus; openid: string | null; msgid?: number | null; error?: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO oa_template_sends (workspace_id, help_id, campaign_id, participant_id, openid, status, msgid, error)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (workspace_id, help_id) DO UPDATE SET status = EXCLUDED.status, openid = EXCLUDED.openid, msgid = EXCLUDED.msgid, error = EXCLUDED.error, updated_at = now()
     WHERE oa_template_sends.status = 'sending'`,
    [k.workspaceId, k.helpId, k.campaignId, k.participantId, v.openid, v.status, v.msgid ?? null, v.error?.slice(0, 500) ?? null],
  );
}

/** TEMPLATESENDJOBFINISH: WeChat's word on delivery. False when the msgid is not one we sent. */
export async function recordTemplateDelivery(q: Queryable, p: { workspaceId: string; msgid: number; delivery: string }): Promise<boolean> {
  const r = await q.query(`UPDATE oa_template_sends SET delivery = $3, updated_at = now() WHERE workspace_id = $1 AND msgid = $2`, [p.workspaceId, p.msgid, p.delivery.slice(0, 100)]);
  return r.rowCount > 0;
}
