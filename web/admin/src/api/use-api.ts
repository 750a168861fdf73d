// GET a resource for a page: data, error, reload, and optional polling (the dashboard's live
// numbers). Polling pauses while the tab is hidden and keeps the last good data on a failed poll.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from './client.ts';

export interface ApiResource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  setData: (d: T) => void;
}

export function useApi<T>(path: string | null, opts: { pollMs?: number } = {}): ApiResource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const hasData = useRef(false);

  useEffect(() => {
    hasData.current = false;
    setData(undefined);
  }, [path]);

  useEffect(() => {
    if (path === null) return;
    const ac = new AbortController();
    setLoading(true);
    api.get<T>(path, { signal: ac.signal }).then(
      (d) => {
        hasData.current = true;
        setData(d);
        setError(undefined);
        setLoading(false);
      },
      (err: unknown) => {
        if (ac.signal.aborted) return;
        setError(err instanceof ApiError ? err : new ApiError(0, 'network', String(err)));
        setLoading(false);
      },
    );
    return () => ac.abort();
  }, [path, tick]);

  const { pollMs } = opts;
  useEffect(() => {
    if (!pollMs || path === null) return;
    const id = setInterval(() => {
      if (document.visibilityState === 'visible') setTick((n) => n + 1);
    }, pollMs);
    return () => clearInterval(id);
  }, [pollMs, path]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const set = useCallback((d: T) => {
    hasData.current = true;
    setData(d);
  }, []);
  return { data, error, loading: loading && !hasData.current, reload, setData: set };
}
