// HTTP for the WeChat clients over node:http/https, so that WeChat Pay can present its merchant
// client certificate through an `https.Agent` (reference §7.1) and tests can use plain http.
import http from 'node:http';
import https from 'node:https';
import { randomBytes } from 'node:crypto';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: URL;
  headers?: Record<string, string>;
  body?: Buffer | string;
  timeoutMs: number;
  /** Used for https URLs only (e.g. an agent holding the Pay client certificate). */
  agent?: https.Agent;
}

export interface HttpResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

const MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

export function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  const isHttps = req.url.protocol === 'https:';
  const send = isHttps ? https.request : http.request;
  const body = typeof req.body === 'string' ? Buffer.from(req.body) : req.body;
  const headers: Record<string, string> = { ...req.headers };
  if (body) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const r = send(req.url, { method: req.method, headers, ...(isHttps && req.agent ? { agent: req.agent } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_RESPONSE_BYTES) r.destroy(new Error(`response larger than ${MAX_RESPONSE_BYTES} bytes`));
        else chunks.push(c);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    r.setTimeout(req.timeoutMs, () => r.destroy(new Error(`no answer within ${req.timeoutMs} ms`)));
    r.on('error', reject);
    r.end(body);
  });
}

export interface MultipartFile {
  filename: string;
  contentType?: string;
  data: Buffer | Uint8Array;
}

/** A multipart/form-data body with one file part (WeCom media uploads use the field `media`). */
export function multipartBody(field: string, file: MultipartFile): { body: Buffer; contentType: string } {
  const boundary = `----fission${randomBytes(12).toString('hex')}`;
  const name = file.filename.replace(/["\r\n\\]/g, '_');
  const data = Buffer.from(file.data);
  const head =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="${field}"; filename="${name}"; filelength=${data.length}\r\n` +
    `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head, 'utf8'), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
