// Renders posters on a pool of worker threads (piscina), one per core by default, so drawing and
// JPEG encoding never block the event loop that serves requests.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError, validationError } from '../../errors.ts';
import { parsePosterTemplate, type PosterTemplate } from '../../domain/poster/template.ts';

export interface PosterRenderInput {
  template: PosterTemplate;
  /** The template's background (id = template.background.imageId; threads cache it decoded by id). */
  background: { id: string; bytes: Uint8Array } | null;
  /** Avatar image bytes (JPEG/PNG/BMP); null or undecodable → a neutral placeholder. */
  avatar: Uint8Array | null;
  nickname: string;
  /** What the QR code encodes. */
  helpUrl: string;
}

export interface PosterRenderer {
  readonly threads: number;
  /** A JPEG of the poster. Throws a validation error for a bad template or URL; 'unavailable' when the queue is full. */
  render(input: PosterRenderInput): Promise<Buffer>;
  close(): Promise<void>;
}

export interface PosterRendererOptions {
  /** Worker threads; default one per core. */
  threads?: number;
  /** Renders waiting for a thread before new ones are refused; default 64 per thread. */
  maxQueue?: number;
}

/** Longest URL put in a QR code: longer ones make the modules too small to scan. */
export const MAX_HELP_URL_LENGTH = 500;

export function createPosterRenderer(opts: PosterRendererOptions = {}): PosterRenderer {
  const threads = Math.max(1, opts.threads ?? availableParallelism());
  const pool = new Piscina({
    filename: new URL('./render-worker.ts', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    maxQueue: opts.maxQueue ?? threads * 64,
    idleTimeout: Number.MAX_SAFE_INTEGER, // a new thread costs a few hundred ms before its first poster; keep them
  });
  return {
    threads,
    async render(input) {
      const task = checkInput(input);
      let out: Uint8Array;
      try {
        out = await pool.run(task);
      } catch (err) {
        if (err instanceof Error && /queue is at limit/i.test(err.message)) {
          throw new AppError('unavailable', 'poster renderer is busy; try again shortly', { cause: err });
        }
        throw err;
      }
      return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
    },
    close: () => pool.close(),
  };
}

function checkInput(input: PosterRenderInput): PosterRenderInput {
  const template = parsePosterTemplate(input.template);
  const fields = [];
  if (template.background && input.background?.id !== template.background.imageId) {
    fields.push({ path: 'background', message: 'the bytes of the template\'s background image are required' });
  }
  if (typeof input.nickname !== 'string') fields.push({ path: 'nickname', message: 'must be text' });
  if (!isHttpUrl(input.helpUrl)) fields.push({ path: 'helpUrl', message: 'must be an http(s) URL' });
  else if (input.helpUrl.length > MAX_HELP_URL_LENGTH) fields.push({ path: 'helpUrl', message: `must be at most ${MAX_HELP_URL_LENGTH} characters to scan well` });
  if (fields.length) throw validationError(fields, 'invalid poster input');
  return { ...input, template, background: template.background ? input.background : null };
}

function isHttpUrl(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}
