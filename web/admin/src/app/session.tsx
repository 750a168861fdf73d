// Who is logged in (GET /api/admin/me), shared by every page. A 401 from any call ends the
// session here, and the guards send the operator to the login page.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setUnauthorizedHandler } from '../api/client.ts';
import type { Me } from '../api/types.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; me: Me };

interface SessionApi {
  state: SessionState;
  setMe(me: Me): void;
  reload(): void;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setUnauthorizedHandler(() => setState({ status: 'anonymous', expired: true }));
    return () => setUnauthorizedHandler(null);
  }, []);

  useEffect(() => {
    const ac = new AbortController();
    setState({ status: 'loading' });
    api.get<Me>('/api/admin/me', { signal: ac.signal, quiet401: true }).then(
      (me) => setState({ status: 'ready', me }),
      (err: unknown) => {
        if (ac.signal.aborted) return;
        if (err instanceof ApiError && err.status === 401) setState({ status: 'anonymous', expired: false });
        else setState({ status: 'error', error: err instanceof ApiError ? err : new ApiError(0, 'network', String(err)) });
      },
    );
    return () => ac.abort();
  }, [attempt]);

  const setMe = useCallback((me: Me) => setState({ status: 'ready', me }), []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const logout = useCallback(async () => {
    await api.post('/api/admin/auth/logout').catch(() => undefined);
    setState({ status: 'anonymous', expired: false });
  }, []);

  const value = useMemo(() => ({ state, setMe, reload, logout }), [state, setMe, reload, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The logged-in admin; only inside RequireSession. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'ready') throw new Error('useMe outside RequireSession');
  return state.me;
}
