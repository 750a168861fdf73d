// Every read the pages make, by route. main.tsx calls prefetch() before a page's code arrives so the
// request and the download overlap on a slow connection.
import { api, ApiError } from './api.ts';
import { cached, prime } from './load.ts';
import { forgetParticipantToken, participantToken, rememberMyHelpUrl, setParticipantToken } from './identity.ts';
import { navigate, type Route } from './router.ts';
import type { CampaignPage, HelpPage, MyPage, PosterInfo, Ranking, ServiceQr } from './types.ts';

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

/** Starts the reads `route` will need; errors surface later in the page that awaits them. */
export function prefetch(route: Route): void {
  const quiet = (p: Promise<unknown>) => void p.catch(() => undefined);
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
    case 'not_found':
      return;
  }
}
