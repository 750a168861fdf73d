// The `remark` we put on every contact way we make (WeCom: ≤ 30 characters, never shown to
// customers; API-made codes do not appear in the WeCom console). Besides naming the code for a
// human reading WeCom's answers, it marks the workspace that made it: a `state` says only which
// campaign, and campaign ids of another Fission installation (staging beside production) or of
// another workspace linked to the same corp look the same. Reconciliation deletes only codes
// whose remark carries this workspace's mark.
//
//   "fission " <first 8 characters of the workspace id> " " <what: campaign[/participant | /cs]>

export const REMARK_MAX_LENGTH = 30;

export type RemarkTarget = { campaignId: number; participantId: number | null; serviceUserId: string | null };

export function workspaceMark(workspaceId: string): string {
  return `fission ${workspaceId.replaceAll('-', '').slice(0, 8).toLowerCase()} `;
}

export function contactWayRemark(workspaceId: string, t: RemarkTarget): string {
  const what = `${t.campaignId}${t.participantId !== null ? `/${t.participantId}` : t.serviceUserId !== null ? '/cs' : ''}`;
  return `${workspaceMark(workspaceId)}${what}`.slice(0, REMARK_MAX_LENGTH);
}

/** Whether a remark WeCom gave back was written by this workspace. */
export function remarkIsOurs(workspaceId: string, remark: unknown): boolean {
  return typeof remark === 'string' && remark.startsWith(workspaceMark(workspaceId));
}
