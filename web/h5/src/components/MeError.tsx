// Errors of the participant's own pages. Without a token this is someone else's shared page; a
// refused token is forgotten (it will not work later either) and worded as expired or invalid.
import { useMemo } from 'preact/hooks';
import type { ApiError } from '../lib/api.ts';
import { forgetParticipantToken, participantToken, tokenExpired } from '../lib/identity.ts';
import { hrefOf } from '../lib/router.ts';
import { ErrorView, errorKind, type ErrorKind } from './ErrorView.tsx';

export function MeError({ cid, error, onRetry }: { cid: number; error: ApiError; onRetry: () => void }) {
  const kind = useMemo<ErrorKind>(() => {
    const token = participantToken(cid);
    if (error.status === 401 && !token) return 'not_yours';
    const k = errorKind(error, { tokenExpired: token !== null && tokenExpired(token) });
    if (error.status === 401) forgetParticipantToken(cid);
    return k;
  }, [error]);
  const toLanding = kind === 'not_yours' || kind === 'link_expired' || kind === 'link_invalid';
  return <ErrorView kind={kind} onRetry={onRetry} action={toLanding ? { href: hrefOf({ name: 'landing', cid }), label: '查看活动介绍' } : undefined} />;
}
