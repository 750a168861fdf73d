// Who the visitor is, from the signed token of the link they opened: `?t=` (their personal link
// from the WeCom chat) or `?ct=` (a customer link staff sent them). The token is kept per campaign
// in localStorage and then taken out of the address bar, so WeChat's "send to friend" on this page
// never hands the friend the sender's identity. The server checks every token; this file only
// carries them.
//
// Where the workspace has an Official Account, the page also signs in through it (sign-in.ts) and
// comes back with `#s=<session>`. That session is kept in memory only, for this load of the page,
// and deliberately not in localStorage or a cookie:
//   - who holds the browser is WeChat's to say, each time: a kept session would outlive a change
//     of holder (the sandbox's phone plays many people in one browser; an account switch; a shared
//     phone) and the page would act as the wrong person. Signing in again is silent (snsapi_base):
//     one redirect per full load, none when moving between pages;
//   - every identity goes out the one way, as the Bearer token this page picks per request; a
//     cookie would go out by itself, on cross-site form posts too (help and join change things);
//   - it arrives in the fragment (never sent to a server nor in a Referer) and leaves the address
//     bar at once, like `?t=`, so "send to friend" still carries nobody's identity.
// The server says, given the session, whether a stored `?t=` is really this person's (identity).

type Kind = 't' | 'ct' | 'code';
const memory = new Map<string, string>();
const key = (kind: Kind, campaignId: number) => `fission.h5.${kind}.${campaignId}`;

function read(k: string): string | null {
  try {
    return localStorage.getItem(k) ?? memory.get(k) ?? null;
  } catch {
    return memory.get(k) ?? null;
  }
}

/** True when the value will survive a reload. */
function write(k: string, value: string | null): boolean {
  if (value === null) memory.delete(k);
  else memory.set(k, value);
  try {
    if (value === null) localStorage.removeItem(k);
    else localStorage.setItem(k, value);
    return true;
  } catch {
    return false;
  }
}

const sessions = new Map<number, string>();

/** Stores the tokens of the opened link and removes them from the URL (kept there if storage is off); the session only in memory. */
export function captureLinkTokens(campaignId: number): void {
  const url = new URL(location.href);
  let stripped = false;
  const session = /^#s=([A-Za-z0-9_.-]+)$/.exec(url.hash)?.[1];
  if (session) {
    sessions.set(campaignId, session);
    url.hash = '';
    stripped = true;
  }
  for (const kind of ['t', 'ct'] as const) {
    const value = url.searchParams.get(kind);
    if (!value) continue;
    if (write(key(kind, campaignId), value)) {
      url.searchParams.delete(kind);
      stripped = true;
    }
  }
  if (stripped) history.replaceState(history.state, '', url.pathname + url.search + url.hash);
}

/** The OAuth session of this page load, if it signed in. */
export const sessionToken = (campaignId: number): string | null => sessions.get(campaignId) ?? null;

export const participantToken = (campaignId: number): string | null => read(key('t', campaignId));
export const customerToken = (campaignId: number): string | null => read(key('ct', campaignId));
export const setParticipantToken = (campaignId: number, token: string): void => void write(key('t', campaignId), token);
export const forgetParticipantToken = (campaignId: number): void => void write(key('t', campaignId), null);
export const forgetCustomerToken = (campaignId: number): void => void write(key('ct', campaignId), null);

/** The token a visitor acts with on someone's help page: their own page's, else a customer link's. */
export const visitorToken = (campaignId: number): string | null => participantToken(campaignId) ?? customerToken(campaignId);

/** My own help code, so my own help page says so at once. */
export const myHelpCode = (campaignId: number): string | null => read(key('code', campaignId));
export function rememberMyHelpUrl(campaignId: number, helpUrl: string): void {
  const code = /\/help\/([^/?#]+)/.exec(helpUrl)?.[1];
  if (code) write(key('code', campaignId), code);
}
/** Sets (or, with null, forgets) my help code as the server said. */
export const setMyHelpCode = (campaignId: number, code: string | null): void => void write(key('code', campaignId), code);

/**
 * Whether a link token is past its expiry, read from its signed body (`purpose.sub.exp36`,
 * base64url). Only used to word the error page; the server decides what is valid.
 */
export function tokenExpired(token: string, nowMs = Date.now()): boolean {
  try {
    const body = atob(token.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = parseInt(body.split('.')[2] ?? '', 36);
    return Number.isFinite(exp) && exp * 1000 < nowMs;
  } catch {
    return false;
  }
}
