// A page's code is fetched when the page is first shown (one chunk per page). A chunk that fails
// to download (4G dropped) shows the network error with a retry, not a blank screen; the retry
// reloads the page, since browsers may remember a failed module import.
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Loading } from '../components/Loading.tsx';
import { ErrorView } from '../components/ErrorView.tsx';
import { ApiError } from './api.ts';

export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): (props: P) => JSX.Element {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const fetchOnce = () =>
    (pending ??= load().then(
      (m) => (loaded = m.default),
      (err: unknown) => {
        pending = null;
        throw err;
      },
    ));
  return function LazyPage(props: P) {
    const [Page, setPage] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Page) return;
      // The code may have arrived between this render and this effect (another instance fetched
      // it): the promise is then already settled and still tells this instance.
      let live = true;
      fetchOnce().then(
        (c) => live && setPage(() => c),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, []);
    if (Page) return <Page {...props} />;
    if (failed) return <ErrorView error={new ApiError(0, 'network', 'page code did not load')} onRetry={() => location.reload()} />;
    return <Loading />;
  };
}
