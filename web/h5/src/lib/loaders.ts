// Every read the pages make, by route. main.tsx calls prefetch() before a page's code arrives so the
// request and the download overlap on a slow connection.
import { api, ApiError } from './api.ts';
import { cached, invalidate, prime } from './load.ts';
import { forgetParticipantToken, participantToken, rememberMyHelpUrl, sessionToken, setMyHelpCode, setParticipantToken } from './identity.ts';
import { navigate, type Route } from './router.ts';
import { signInDone, startSignIn } from './sign-in.ts';
import type { CampaignPage, HelpPage, MyPage, PosterInfo, Ranking, ServiceQr, VisitorIdentity } from './types.ts';

/** Who is visiting: known from signed links only, or signed in through the OA (with what the server said). */
export type Visitor = { mode: 'link' } | { mode: 'oauth'; session: string; identity: VisitorIdentity };

const visitors = new Map<number, Promise<Visitor>>();
const settled = new Map<number, Visitor>();

/**
 * Resolved once per page load, before any page renders (App's gate). Where the workspace has an OA
 * and this load has no session yet, the browser leaves to sign in (the promise never settles).
 */
export function loadVisitor(cid: number): Promise<Visitor> {
  let p = visitors.get(cid);
  if (!p) {
    p = resolveVisitor(cid).then((v) => (settled.set(cid, v), v));
    visitors.set(cid, p);
    p.catch(() => visitors.delete(cid));
  }
  return p;
}

/** The visitor as the gate resolved it (pages render only after that). */
export const visitorOf = (cid: number): Visitor => settled.get(cid) ?? { mode: 'link' };

async function resolveVisitor(cid: number): Promise<Visitor> {
  const session = sessionToken(cid);
  if (!session) {
    if ((await loadCampaign(cid)).signIn !== 'oauth') return { mode: 'link' };
    if (startSignIn(cid)) return new Promise<never>(() => undefined);
    throw new ApiError(401, 'sign_in_failed', 'WeChat did not say who you are');
  }
  signInDone();
  const identity = await api.post<VisitorIdentity>(`/api/h5/c/${cid}/identity`, { participantToken: participantToken(cid) }, session).catch((err: unknown) => {
    // A session the server no longer takes (e.g. its key changed): sign in afresh, once.
    if (err instanceof ApiError && err.status === 401 && startSignIn(cid)) return new Promise<never>(() => undefined);
    throw err;
  });
  // OAuth says who holds the phone: a personal link that is someone else's is dropped, never used.
  if (identity.link === 'not_yours' || identity.link === 'invalid') forgetParticipantToken(cid);
  if (identity.participant) setParticipantToken(cid, identity.participant.token);
  if (identity.participant || identity.link !== 'unverified') setMyHelpCode(cid, identity.participant?.helpCode ?? null);
  invalidate(`me:${cid}`);
  return { mode: 'oauth', session, identity };
}

/** A missing personal token is answered like the server would: not signed in. */
function needToken(cid: number): string {
  const t = participantToken(cid);
  if (!t) throw new ApiError(401, 'unauthorized', 'no personal link token');
  return t;
}

export const loadCampaign = (cid: number, fresh = false) => cached(`c:${cid}`, () => api.get<CampaignPage>(`/api/h5/c/${cid}`), { fresh });
export const loadMe = (cid: number, fresh = false) =>
  cached(`me:${cid}`, async () => {
    const token = needToken(cid);
    const me = await api.get<MyPage>('/api/h5/me', token);
    // So that my own help page, opened later on this phone, says it is mine.
    rememberMyHelpUrl(me.campaign.id, me.helpUrl);
    if (me.campaign.id !== cid) {
      // A personal link with the campaign id edited: the token says which campaign is mine; go there.
      forgetParticipantToken(cid);
      setParticipantToken(me.campaign.id, token);
      prime(`me:${me.campaign.id}`, me);
      navigate(location.pathname.replace(`/c/${cid}/`, `/c/${me.campaign.id}/`), { replace: true });
    }
    return me;
  }, { fresh });
export const loadPoster = (cid: number, fresh = false) => cached(`me:${cid}:poster`, async () => api.get<PosterInfo>('/api/h5/me/poster', needToken(cid)), { fresh });
export const loadRanking = (cid: number, fresh = false) => cached(`me:${cid}:rank`, async () => api.get<Ranking>('/api/h5/me/ranking', needToken(cid)), { fresh });
export const loadServiceQr = (cid: number, tierNo: number, fresh = false) =>
  cached(`me:${cid}:service:${tierNo}`, async () => api.get<ServiceQr>(`/api/h5/me/rewards/${tierNo}/service-qr`, needToken(cid)), { fresh });
export const loadHelp = (cid: number, code: string, fresh = false) => cached(`help:${cid}:${code}`, () => api.get<HelpPage>(`/api/h5/c/${cid}/help/${code}`), { fresh });

const quiet = (p: Promise<unknown>) => void p.catch(() => undefined);

/** Starts the reads `route` will need; errors surface later in the page that awaits them. */
export function prefetch(route: Route): void {
  if (route.name === 'not_found') return;
  // Signed in: which personal link to use is known only once the server has said who this is.
  if (sessionToken(route.cid)) return quiet(loadVisitor(route.cid).then(() => prefetchPage(route)));
  quiet(loadVisitor(route.cid));
  prefetchPage(route);
}

function prefetchPage(route: Exclude<Route, { name: 'not_found' }>): void {
  switch (route.name) {
    case 'landing':
    case 'join':
      return quiet(loadCampaign(route.cid));
    case 'me':
      if (!participantToken(route.cid)) return quiet(loadCampaign(route.cid));
      quiet(loadMe(route.cid));
      if (route.tab === 'home') quiet(loadCampaign(route.cid));
      if (route.tab === 'poster') quiet(loadPoster(route.cid));
      if (route.tab === 'rank') quiet(loadRanking(route.cid));
      return;
    case 'claim':
      return quiet(loadMe(route.cid));
    case 'help':
      return quiet(loadHelp(route.cid, route.code));
  }
}
