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
  return function LazyPage(props: P) {
    const [, setTick] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded || failed) return;
      let live = true;
      load().then(
        (m) => {
          loaded = m.default;
          if (live) setTick((n) => n + 1);
        },
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, []);
    if (loaded) {
      const Page = loaded;
      return <Page {...props} />;
    }
    if (failed) return <ErrorView error={new ApiError(0, 'network', 'page code did not load')} onRetry={() => location.reload()} />;
    return <Loading />;
  };
}
