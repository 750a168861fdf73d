// The console's only way to the server: JSON over HTTP with the session cookie. Every failure
// becomes an ApiError, so pages render one kind of error state.

export interface FieldError {
  path: string;
  message: string;
}

export type ApiErrorCode = 'network' | 'internal' | 'validation_failed' | 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'payload_too_large' | 'unsupported_media_type' | 'unavailable' | 'wechat_error';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fields: FieldError[];
  readonly requestId: string | undefined;

  constructor(status: number, code: ApiErrorCode, message: string, fields: FieldError[] = [], requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.requestId = requestId;
  }
}

let onUnauthorized: (() => void) | null = null;
/** Called once per 401 answer (the session ended): the app sends the operator to the login page. */
export function setUnauthorizedHandler(fn: (() => void) | null): void {
  onUnauthorized = fn;
}

interface Options {
  body?: unknown;
  signal?: AbortSignal;
  /** Do not trigger the global "session ended" handler (the login form handles 401 itself). */
  quiet401?: boolean;
  headers?: Record<string, string>;
}

export async function request<T>(method: string, path: string, opts: Options = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }), ...opts.headers },
      body: opts.body === undefined ? null : JSON.stringify(opts.body),
      signal: opts.signal ?? null,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', (err as Error).message);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // A proxy's HTML error page, for example: keep the status, describe it below.
  }
  if (res.ok) return json as T;
  const e = (json as { error?: { code?: ApiErrorCode; message?: string; fields?: FieldError[]; requestId?: string } } | undefined)?.error;
  const err = new ApiError(res.status, e?.code ?? (res.status >= 500 ? 'internal' : 'bad_request'), e?.message ?? `HTTP ${res.status}`, e?.fields ?? [], e?.requestId);
  if (res.status === 401 && !opts.quiet401) onUnauthorized?.();
  throw err;
}

export const api = {
  get: <T>(path: string, opts?: Options) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: Options) => request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body: unknown, opts?: Options) => request<T>('PATCH', path, { ...opts, body }),
  put: <T>(path: string, body: unknown, opts?: Options) => request<T>('PUT', path, { ...opts, body }),
  del: <T>(path: string, opts?: Options) => request<T>('DELETE', path, opts),
};

/** Field errors keyed by path, with the request body's `body.` prefix removed. */
export function fieldErrorMap(err: ApiError): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of err.fields) {
    const path = f.path.replace(/^body\.?/, '');
    out.set(path, [...(out.get(path) ?? []), f.message]);
  }
  return out;
}
