import { createContext, useContext } from 'react';
import type { Role } from '../api/types.ts';

export interface CurrentWorkspace {
  slug: string;
  name: string;
  role: Role;
  /** `/api/admin/workspaces/<slug>` */
  apiBase: string;
  /** `/w/<slug>` (router path, under /admin) */
  base: string;
}

export const WorkspaceContext = createContext<CurrentWorkspace | null>(null);

export function useWorkspace(): CurrentWorkspace {
  const w = useContext(WorkspaceContext);
  if (!w) throw new Error('useWorkspace outside a workspace route');
  return w;
}

const RANK: Record<Role, number> = { viewer: 0, operator: 1, owner: 2 };
export const canAct = (role: Role, needed: Role): boolean => RANK[role] >= RANK[needed];
