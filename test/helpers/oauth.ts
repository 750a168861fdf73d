// Signing in to the H5 pages through the sandbox's OAuth, over HTTP as a phone's browser would:
// our /api/h5/oauth/start → the sandbox's authorize page (the phone's person cookie says who holds
// the phone) → our callback → the page, with the session in the fragment. Each hop is returned, so
// tests can replay, tamper with and inspect them.
import type { FissionWorld } from './fission-world.ts';
import type { Json } from './sandbox.ts';

export interface Hop {
  url: string;
  status: number;
  location: string | null;
}

export interface SignIn {
  /** The session the page got (#s=…), or null when the sign-in stopped on an error page. */
  session: string | null;
  /** Where the browser ended: the page path (+ fragment), or the URL answering the error page. */
  landed: string;
  status: number;
  /** The error page's text, when there was one. */
  errorText: string | null;
  /** The scopes WeChat was asked for, in order. */
  scopes: string[];
  hops: Hop[];
  browserKey: string;
}

const cookieOf = (res: Response, name: string) => /^([^=]+)=([^;]*)/.exec(res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`)) ?? '')?.[2];

export async function get(url: string, cookie?: string): Promise<Response> {
  return fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
}

/** Follows a whole sign-in; `person` null leaves the sandbox without a person (its picker answers). */
export async function signIn(w: FissionWorld, person: Json | null, campaignId: number, to = `/h5/c/${campaignId}`, opts: { browserKey?: string } = {}): Promise<SignIn> {
  const hops: Hop[] = [];
  const scopes: string[] = [];
  let browserKey = opts.browserKey ?? '';
  let url = `${w.config.publicUrl}/api/h5/oauth/start?c=${campaignId}&to=${encodeURIComponent(to)}`;
  for (let i = 0; i < 10; i++) {
    const ours = url.startsWith(w.config.publicUrl);
    if (!ours) scopes.push(new URL(url).searchParams.get('scope') ?? '');
    const res = await get(url, ours ? (browserKey ? `fission_oauth=${browserKey}` : undefined) : (person ? `fission_sandbox_person=${person.id}` : undefined));
    browserKey = cookieOf(res, 'fission_oauth') ?? browserKey;
    const location = res.headers.get('location');
    hops.push({ url, status: res.status, location });
    if (res.status !== 302 || !location) return { session: null, landed: url, status: res.status, errorText: await res.text(), scopes, hops, browserKey };
    if (location.startsWith('/')) {
      const session = /#s=([^&]+)$/.exec(location)?.[1] ?? null;
      return { session, landed: location, status: 302, errorText: null, scopes, hops, browserKey };
    }
    url = location;
  }
  throw new Error(`sign-in did not finish: ${JSON.stringify(hops)}`);
}
