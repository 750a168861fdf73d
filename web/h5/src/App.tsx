// Which page a route shows. Each page is its own chunk; the shell (this file, the router, the
// error and loading states) is all the first load needs besides the page itself. No page renders
// before the gate knows who is visiting (signed links, or a sign-in through the workspace's OA).
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { ErrorView } from './components/ErrorView.tsx';
import { Loading } from './components/Loading.tsx';
import { lazyPage } from './lib/lazy.tsx';
import { captureLinkTokens } from './lib/identity.ts';
import { useLoad } from './lib/load.ts';
import { loadVisitor } from './lib/loaders.ts';
import { useRoute, type Route } from './lib/router.ts';
import { signInDone } from './lib/sign-in.ts';

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
  if (route.name === 'not_found') return <ErrorView kind="not_found" />;
  return (
    <Gate cid={route.cid}>
      <Page route={route} />
    </Gate>
  );
}

function Gate({ cid, children }: { cid: number; children: ComponentChildren }) {
  const visitor = useLoad(() => loadVisitor(cid), [cid]);
  if (visitor.state === 'loading') return <Loading />;
  // Retrying is the visitor's choice: it may start a sign-in at once.
  const retry = () => {
    signInDone();
    location.reload();
  };
  if (visitor.state === 'error') return <ErrorView error={visitor.error} onRetry={retry} />;
  return <>{children}</>;
}

function Page({ route }: { route: Exclude<Route, { name: 'not_found' }> }) {
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
  }
}
