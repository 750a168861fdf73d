// Keyset-paged lists (participants, rewards): the first page loads with the filters; "load more"
// appends the next page using the cursor the server returned.
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import type { Page } from '../../api/campaign-types.ts';

export function usePages<T>(base: string, query: Record<string, string | number | undefined>) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | undefined>();
  const [tick, setTick] = useState(0);
  const qs = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();

  useEffect(() => {
    const ac = new AbortController();
    setLoading(true);
    api.get<Page<T>>(`${base}?${qs}`, { signal: ac.signal }).then(
      (p) => { setItems(p.items); setCursor(p.nextCursor); setError(undefined); setLoading(false); },
      (e: unknown) => { if (!ac.signal.aborted) { setError(e as ApiError); setLoading(false); } },
    );
    return () => ac.abort();
  }, [base, qs, tick]);

  const more = useCallback(async () => {
    if (!cursor) return;
    setLoading(true);
    try {
      const p = await api.get<Page<T>>(`${base}?${qs}${qs ? '&' : ''}cursor=${encodeURIComponent(cursor)}`);
      setItems((old) => [...old, ...p.items]);
      setCursor(p.nextCursor);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setLoading(false);
    }
  }, [base, qs, cursor]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { items, hasMore: cursor !== null, loading, error, more, reload };
}
