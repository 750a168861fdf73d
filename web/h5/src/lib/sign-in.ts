// Sends the browser through the workspace's Official Account to learn who is holding it
// (GET /api/h5/oauth/start → WeChat's authorize page → back here with `#s=<session>`). Only this
// page's own path goes along; the server keeps it and returns only to our /h5 pages.

const GUARD = 'fission.h5.signin';
const GUARD_MS = 15_000;

/**
 * Starts a sign-in and returns true, or returns false when one was started moments ago and came
 * back without a session (e.g. something dropped the fragment): no redirect loop.
 */
export function startSignIn(campaignId: number): boolean {
  try {
    const last = Number(sessionStorage.getItem(GUARD));
    if (last && Date.now() - last < GUARD_MS) return false;
    sessionStorage.setItem(GUARD, String(Date.now()));
  } catch {
    // Storage off: no guard, but the server's error pages end a failing sign-in anyway.
  }
  location.replace(`/api/h5/oauth/start?c=${campaignId}&to=${encodeURIComponent(location.pathname)}`);
  return true;
}

/** A sign-in came back with a session: the next one may start at once. */
export function signInDone(): void {
  try {
    sessionStorage.removeItem(GUARD);
  } catch {
    // nothing to clear
  }
}
