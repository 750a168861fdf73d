// Shapes of the admin API's answers, as the route schemas in src/http/routes/admin/ declare them.

export type Role = 'viewer' | 'operator' | 'owner';

export interface Me {
  user: { id: string; email: string; displayName: string };
  workspaces: Array<{ workspaceId: string; slug: string; name: string; role: Role }>;
}

export interface WorkspaceView {
  id: string;
  slug: string;
  name: string;
  useSandbox: boolean;
  settings: Record<string, unknown>;
  callbackUrls: { wecom: string; oa: string };
}

/** POST /workspaces/:ws/connection-test */
export type ConnectionCheckName = 'wecomContact' | 'wecomAgent' | 'oa';
export interface ConnectionCheck {
  check: ConnectionCheckName;
  result: 'ok' | 'failed' | 'not_configured';
  errcode: number | null;
  errmsg: string | null;
}
