// Where a sign-in may send the browser back to: a page of the same campaign under our own /h5 —
// nothing else, so the sign-in can never be used to redirect someone to another site (an open
// redirect) or to another campaign's page. Only the path is kept: no query, no fragment.

const PATH = /^\/h5\/c\/([1-9]\d{0,15})(\/[A-Za-z0-9_-]+)*\/?$/;
export const RETURN_PATH_MAX = 200;

export type ReturnPathCheck = { ok: true; path: string } | { ok: false; message: string };

export function checkReturnPath(path: string, campaignId: number): ReturnPathCheck {
  if (path.length > RETURN_PATH_MAX) return { ok: false, message: `must be at most ${RETURN_PATH_MAX} characters` };
  const m = PATH.exec(path);
  if (!m) return { ok: false, message: 'must be a page of this site under /h5/c/<campaign id>/ (a path only: letters, digits, - and _)' };
  if (Number(m[1]) !== campaignId) return { ok: false, message: `must be a page of campaign ${campaignId}` };
  return { ok: true, path };
}
