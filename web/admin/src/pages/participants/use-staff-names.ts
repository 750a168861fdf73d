// Staff user ids → their names (张伟 rather than ZhangWei), for the participant pages.
import { useMemo } from 'react';
import { useApi } from '../../api/use-api.ts';
import type { StaffMember } from '../../api/campaign-types.ts';
import { useWorkspace } from '../../app/workspace.ts';
import { paths } from '../../lib/paths.ts';

export function useStaffNames(): (userid: string | null) => string | null {
  const ws = useWorkspace();
  const res = useApi<{ staff: StaffMember[] }>(paths.staff(ws.apiBase));
  return useMemo(() => {
    const names = new Map((res.data?.staff ?? []).map((s) => [s.userid, s.name]));
    return (userid) => (userid === null ? null : (names.get(userid) ?? userid));
  }, [res.data]);
}
