// Loading data for a page: one small cache of in-flight and recent answers (so the request the
// entry script starts while a page's code downloads is the one the page uses, and switching tabs
// does not refetch), and a hook giving loading / ok / error with a retry.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from './api.ts';

const FRESH_MS = 20_000;
const cache = new Map<string, { at: number; promise: Promise<unknown> }>();

/** The answer of `fn` for `key`, shared while in flight and for a short while after. Failures are not kept. */
export function cached<T>(key: string, fn: () => Promise<T>, opts: { fresh?: boolean } = {}): Promise<T> {
  const hit = cache.get(key);
  if (hit && !opts.fresh && Date.now() - hit.at < FRESH_MS) return hit.promise as Promise<T>;
  const promise = fn();
  cache.set(key, { at: Date.now(), promise });
  promise.catch(() => {
    if (cache.get(key)?.promise === promise) cache.delete(key);
  });
  return promise;
}

/** Stores an answer already in hand under `key`. */
export function prime<T>(key: string, value: T): void {
  cache.set(key, { at: Date.now(), promise: Promise.resolve(value) });
}

/** Forgets cached answers whose key starts with `prefix` (after a change, e.g. a claim). */
export function invalidate(prefix: string): void {
  for (const k of [...cache.keys()]) if (k.startsWith(prefix)) cache.delete(k);
}

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'ok'; data: T; reload: () => void }
  | { state: 'error'; error: ApiError; reload: () => void };

export function useLoad<T>(fn: (fresh: boolean) => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    setState((s) => (s.state === 'ok' && attempt > 0 ? s : { state: 'loading' }));
    fn(attempt > 0).then(
      (data) => live && setState({ state: 'ok', data, reload }),
      (err: unknown) => live && setState({ state: 'error', error: err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)), reload }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  return state;
}

/** False once the server refused who we are (no, expired or edited link): then there are no "my" pages to offer. */
export const hasIdentity = (l: Loaded<unknown>): boolean => !(l.state === 'error' && l.error.status === 401);
