// The three HTTP faces the simulator uses: the admin API (as an operator, logged in with a
// session cookie), the sandbox API (as WeChat and its users) and the H5 API (as a phone).
import { callJson, requestJson, type Json } from './http-json.ts';

export interface AdminClient {
  workspace: string;
  /** `/api/admin/workspaces/<workspace>` + rest */
  call(method: string, rest: string, body?: unknown): Promise<any>;
}

export async function loginAdmin(baseUrl: string, o: { email: string; password: string; workspace: string }): Promise<AdminClient> {
  const r = await requestJson('POST', `${baseUrl}/api/admin/auth/login`, { body: { email: o.email, password: o.password } });
  if (r.status !== 200) throw new Error(`admin login as ${o.email} at ${baseUrl} failed (HTTP ${r.status}): ${JSON.stringify(r.body)}`);
  const cookie = (r.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  if (!cookie) throw new Error('admin login answered without a session cookie');
  return {
    workspace: o.workspace,
    call: (method, rest, body) => callJson(method, `${baseUrl}/api/admin/workspaces/${o.workspace}${rest}`, { body, headers: { cookie } }),
  };
}

export interface SandboxClient {
  url: string;
  api(method: string, path: string, body?: unknown): Promise<any>;
}

export function sandboxClient(url: string): SandboxClient {
  return { url, api: (method, path, body) => callJson(method, `${url}/sandbox-api${path}`, { body }) };
}

export interface H5Client {
  get(path: string, token?: string): Promise<Json>;
}

export function h5Client(baseUrl: string): H5Client {
  return { get: (path, token) => callJson('GET', `${baseUrl}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {}) };
}
