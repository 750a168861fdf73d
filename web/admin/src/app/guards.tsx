import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from './session.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { ErrorState, NoWorkspaceState } from '../components/ErrorState.tsx';
import { lastWorkspace } from './last-workspace.ts';

/** Renders children for a logged-in admin; otherwise the login page, coming back here after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state, reload } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <PageLoading />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} standalone />;
  if (state.status === 'anonymous') {
    const next = location.pathname + location.search;
    const params = new URLSearchParams(next === '/' ? {} : { next });
    if (state.expired) params.set('expired', '1');
    const qs = params.toString();
    return <Navigate to={`/login${qs ? `?${qs}` : ''}`} replace />;
  }
  return <>{children}</>;
}

/** `/admin/` → the workspace used last time, or the first one. */
export function RootRedirect() {
  const { state } = useSession();
  if (state.status !== 'ready') return null;
  const slugs = state.me.workspaces.map((w) => w.slug);
  if (!slugs.length) return <NoWorkspaceState />;
  const last = lastWorkspace();
  const slug = last && slugs.includes(last) ? last : slugs[0]!;
  return <Navigate to={`/w/${slug}/campaigns`} replace />;
}
