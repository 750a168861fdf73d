// Which page a route shows. Each page is its own chunk; the shell (this file, the router, the
// error and loading states) is all the first load needs besides the page itself.
import { useEffect } from 'preact/hooks';
import { ErrorView } from './components/ErrorView.tsx';
import { lazyPage } from './lib/lazy.tsx';
import { captureLinkTokens } from './lib/identity.ts';
import { useRoute } from './lib/router.ts';

const LandingPage = lazyPage(() => import('./pages/LandingPage.tsx'));
const PosterPage = lazyPage(() => import('./pages/PosterPage.tsx'));
const ProgressPage = lazyPage(() => import('./pages/ProgressPage.tsx'));
const RankingPage = lazyPage(() => import('./pages/RankingPage.tsx'));
const ClaimPage = lazyPage(() => import('./pages/ClaimPage.tsx'));
const HelpPage = lazyPage(() => import('./pages/HelpPage.tsx'));

export function App() {
  const route = useRoute();
  useEffect(() => {
    if (route.name !== 'not_found') captureLinkTokens(route.cid);
  }, [route]);
  switch (route.name) {
    case 'landing':
      return <LandingPage cid={route.cid} mode="public" />;
    case 'join':
      return <LandingPage cid={route.cid} mode="join" />;
    case 'me':
      if (route.tab === 'home') return <LandingPage cid={route.cid} mode="me" />;
      if (route.tab === 'poster') return <PosterPage cid={route.cid} />;
      if (route.tab === 'progress') return <ProgressPage cid={route.cid} />;
      return <RankingPage cid={route.cid} />;
    case 'claim':
      return <ClaimPage cid={route.cid} tierNo={route.tierNo} />;
    case 'help':
      return <HelpPage cid={route.cid} code={route.code} />;
    case 'not_found':
      return <ErrorView kind="not_found" />;
  }
}
