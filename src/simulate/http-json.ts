// The simulator reaches the service, the sandbox and the H5 API only over HTTP, as the admin
// console, WeChat and phones do. Keep-alive fetch with JSON in and out.
export type Json = Record<string, any>;

export class HttpError extends Error {
  readonly status: number;
  readonly body: unknown;
  constructor(method: string, url: string, status: number, body: unknown) {
    super(`${method} ${url} → HTTP ${status}: ${JSON.stringify(body).slice(0, 300)}`);
    this.status = status;
    this.body = body;
  }
}

export interface JsonResponse {
  status: number;
  body: any;
  headers: Headers;
}

export async function requestJson(method: string, url: string, o: { body?: unknown; headers?: Record<string, string> } = {}): Promise<JsonResponse> {
  const res = await fetch(url, {
    method,
    headers: { ...(o.body === undefined ? {} : { 'content-type': 'application/json' }), ...o.headers },
    ...(o.body === undefined ? {} : { body: JSON.stringify(o.body) }),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (e.g. /metrics): the text is the body.
  }
  return { status: res.status, body, headers: res.headers };
}

/** Like requestJson, but anything other than 2xx throws HttpError. */
export async function callJson(method: string, url: string, o: { body?: unknown; headers?: Record<string, string> } = {}): Promise<any> {
  const r = await requestJson(method, url, o);
  if (r.status < 200 || r.status > 299) throw new HttpError(method, url, r.status, r.body);
  return r.body;
}
