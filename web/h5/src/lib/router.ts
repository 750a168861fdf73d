// The pages' addresses, all under /h5/c/<campaign id>/…:
//   /h5/c/1                 the activity (public)
//   /h5/c/1/join?ct=…       the activity for a returning customer, who can take part with one tap
//   /h5/c/1/me?t=…          my activity page (the welcome card's link); /me/poster, /me/progress, /me/rank
//   /h5/c/1/me/reward/2     claiming tier 2's prize
//   /h5/c/1/help/<code>     a friend's help page ("帮TA助力")
// Navigation stays in the page (history API); a tiny router is all these few routes need.
import { useEffect, useState } from 'preact/hooks';

export type MeTab = 'home' | 'poster' | 'progress' | 'rank';
export type Route =
  | { name: 'landing'; cid: number }
  | { name: 'join'; cid: number }
  | { name: 'me'; cid: number; tab: MeTab }
  | { name: 'claim'; cid: number; tierNo: number }
  | { name: 'help'; cid: number; code: string }
  | { name: 'not_found' };

const BASE = '/h5';
const TABS: Record<string, MeTab> = { '': 'home', poster: 'poster', progress: 'progress', rank: 'rank' };

export function parseRoute(pathname: string): Route {
  const m = /^\/h5\/c\/([1-9]\d{0,15})(\/.*)?$/.exec(pathname.replace(/\/+$/, ''));
  const cid = m ? Number(m[1]) : NaN;
  if (!m || !Number.isSafeInteger(cid)) return { name: 'not_found' };
  const rest = m[2] ?? '';
  if (rest === '') return { name: 'landing', cid };
  if (rest === '/join') return { name: 'join', cid };
  const me = /^\/me(?:\/(poster|progress|rank))?$/.exec(rest);
  if (me) return { name: 'me', cid, tab: TABS[me[1] ?? '']! };
  const claim = /^\/me\/reward\/([1-5])$/.exec(rest);
  if (claim) return { name: 'claim', cid, tierNo: Number(claim[1]) };
  const help = /^\/help\/([0-9a-z]{1,11}-[0-9a-f]{12})$/.exec(rest);
  if (help) return { name: 'help', cid, code: help[1]! };
  return { name: 'not_found' };
}

export function hrefOf(r: Exclude<Route, { name: 'not_found' }>): string {
  const c = `${BASE}/c/${r.cid}`;
  switch (r.name) {
    case 'landing':
      return c;
    case 'join':
      return `${c}/join`;
    case 'me':
      return r.tab === 'home' ? `${c}/me` : `${c}/me/${r.tab}`;
    case 'claim':
      return `${c}/me/reward/${r.tierNo}`;
    case 'help':
      return `${c}/help/${r.code}`;
  }
}

const CHANGE = 'fission:navigate';

export function navigate(href: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new Event(CHANGE));
  window.scrollTo(0, 0);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname));
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGE, update);
    // A navigation between the first render and this subscription (a loader redirecting as soon as
    // its answer arrives) would otherwise be missed for good.
    update();
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return route;
}

/** A left click without modifier keys on an in-app link navigates in the page. */
export function onLinkClick(e: MouseEvent): void {
  const a = (e.currentTarget as HTMLAnchorElement | null);
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(a.getAttribute('href')!);
}
