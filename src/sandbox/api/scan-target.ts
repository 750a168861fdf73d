// What a simulated phone camera sees: a QR's URL (pasted, or decoded from an uploaded photo or an
// image URL the sandbox fetches), resolved to the contact way, join way or OA code it stands for,
// or, for any other web address (a poster's help link), the page WeChat would open.
import type { SandboxDeps } from '../deps.ts';
import { decodeQr } from '../img/qr.ts';
import type { QrTarget } from '../store/model.ts';
import { ApiError, requireCorp, requireOa } from './http.ts';

const QR_PATH = /\/(?:img\/qr\/([A-Za-z0-9]+)\.png|q\/([A-Za-z0-9]+))(?:[?#].*)?$/;
const MAX_IMAGE = 10 * 1024 * 1024;

/** What a scan leads to: one of the sandbox's codes, or a web page to open in WeChat's browser. */
export type ScanTarget = QrTarget | { kind: 'web_page'; url: string };

export interface ScanInput {
  qr_url?: string | undefined;
  qr_image?: string | undefined;
  qr_image_url?: string | undefined;
  corpid?: string | undefined;
  config_id?: string | undefined;
  appid?: string | undefined;
  ticket?: string | undefined;
}

async function fetchImage(url: string): Promise<Buffer> {
  if (!/^https?:\/\//.test(url)) throw new ApiError(400, 'validation_failed', 'qr_image_url must be an http(s) URL', [{ path: 'qr_image_url', message: 'must be an http(s) URL' }]);
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  } catch (e) {
    throw new ApiError(422, 'bad_request', `could not fetch qr_image_url: ${(e as Error).message}`);
  }
  const bytes = Buffer.from(await res.arrayBuffer());
  if (!res.ok) throw new ApiError(422, 'bad_request', `qr_image_url answered HTTP ${res.status}`);
  if (bytes.length > MAX_IMAGE) throw new ApiError(422, 'bad_request', 'qr_image_url is larger than 10 MB');
  return bytes;
}

async function decoded(bytes: Buffer, field: string): Promise<string> {
  const url = await decodeQr(bytes);
  if (!url) throw new ApiError(422, 'bad_request', `no QR code found in ${field}`);
  return url;
}

function fromUrl(deps: SandboxDeps, url: string): ScanTarget {
  const { data } = deps.store;
  const m = QR_PATH.exec(url);
  const byKey = m ? data.qrCodes[(m[1] ?? m[2]) as string] : undefined;
  if (byKey) return byKey;
  // A pasted showqrcode link: the image of an OA code, addressed by its ticket.
  const show = /\/showqrcode\?(.*)$/.exec(url);
  const ticket = show ? new URLSearchParams(show[1]).get('ticket') : null;
  const oa = ticket ? Object.values(data.oas).find((o) => o.qrCodes[ticket]) : undefined;
  if (oa && ticket) return { kind: 'oa_qrcode', appid: oa.appid, ticket };
  if (!m && !show && /^https?:\/\/[^\s]+$/i.test(url)) return { kind: 'web_page', url };
  throw new ApiError(404, 'not_found', `this QR code is not (or no longer) valid: ${url}`);
}

export async function resolveScanTarget(deps: SandboxDeps, input: ScanInput): Promise<ScanTarget> {
  if (input.qr_image) return fromUrl(deps, await decoded(Buffer.from(input.qr_image.replace(/^data:[^,]*,/, ''), 'base64'), 'qr_image'));
  if (input.qr_image_url) return fromUrl(deps, await decoded(await fetchImage(input.qr_image_url), 'qr_image_url'));
  if (input.qr_url) return fromUrl(deps, input.qr_url);
  if (input.corpid && input.config_id) {
    const corp = requireCorp(deps, input.corpid);
    if (corp.contactWays[input.config_id]) return { corpid: corp.corpid, kind: 'contact_way', configId: input.config_id };
    if (corp.joinWays[input.config_id]) return { corpid: corp.corpid, kind: 'join_way', configId: input.config_id };
    throw new ApiError(404, 'not_found', `config ${input.config_id} not found in ${corp.corpid}`);
  }
  if (input.appid && input.ticket) {
    const oa = requireOa(deps, input.appid);
    if (!oa.qrCodes[input.ticket]) throw new ApiError(404, 'not_found', `QR ticket not found for ${oa.appid}`);
    return { kind: 'oa_qrcode', appid: oa.appid, ticket: input.ticket };
  }
  throw new ApiError(400, 'validation_failed', 'give qr_url, qr_image, qr_image_url, corpid with config_id, or appid with ticket', [{ path: 'qr_url', message: 'required' }]);
}
