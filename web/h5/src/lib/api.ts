// The pages' only way to the server: JSON over HTTP, identity as `Authorization: Bearer <link token>`.
// Every failure becomes an ApiError, so pages render one kind of error state; a phone on a weak
// 4G connection gets a timeout instead of a spinner that never ends.

export interface FieldError {
  path: string;
  message: string;
  code?: string;
  params?: { min?: number; max?: number };
}

export type ApiErrorCode = 'network' | 'internal' | 'validation_failed' | 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'unavailable' | 'wechat_error' | string;

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fields: FieldError[];

  constructor(status: number, code: ApiErrorCode, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

const TIMEOUT_MS = 15_000;

export async function request<T>(method: 'GET' | 'POST', path: string, opts: { token?: string | null; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: opts.body === undefined ? null : JSON.stringify(opts.body), signal: ctrl.signal, credentials: 'omit' });
  } catch (err) {
    throw new ApiError(0, 'network', (err as Error).message);
  } finally {
    clearTimeout(timer);
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    // A proxy's HTML error page, or the connection dropped mid-body.
    json = undefined;
  }
  if (res.ok && json !== undefined) return json as T;
  if (res.ok) throw new ApiError(0, 'network', 'the answer was cut off');
  const e = (json as { error?: { code?: string; message?: string; fields?: FieldError[] } } | undefined)?.error;
  // Gateways answering 502/504 mean the server was not reached: for the visitor that is the network.
  const code = e?.code ?? (res.status === 502 || res.status === 504 ? 'network' : res.status >= 500 ? 'internal' : 'bad_request');
  throw new ApiError(res.status, code, e?.message ?? `HTTP ${res.status}`, e?.fields ?? []);
}

export const api = {
  get: <T>(path: string, token?: string | null) => request<T>('GET', path, { token }),
  post: <T>(path: string, body: unknown, token?: string | null) => request<T>('POST', path, { token, body }),
};
