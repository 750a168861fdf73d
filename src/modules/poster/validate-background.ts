// What operators may upload as a poster background: JPEG, PNG or BMP under 2 MB (the type read
// from the bytes, never the file name), of a sane pixel size, that really decodes. Other uploaded
// images (a prize's customer-service QR) pass the same checks, under their own field name.
import { Image } from '@napi-rs/canvas';
import { AppError } from '../../errors.ts';
import { MAX_BACKGROUND_SIDE } from '../../domain/poster/template.ts';
import { readImageHeader, sniffImageType, type ImageHeader } from './read-image-header.ts';

export const MAX_BACKGROUND_BYTES = 2 * 1024 * 1024;
export const MAX_BACKGROUND_PIXELS = 25_000_000;
export const MIN_BACKGROUND_SIDE = 200;

export interface ImageUse {
  /** The field errors name. */
  field: string;
  /** Said with a size error, e.g. "750×1334 recommended". */
  recommended: string;
}

const BACKGROUND: ImageUse = { field: 'background', recommended: '750×1334 recommended' };

/** Returns the image's type and size, or throws an AppError saying what is wrong with it. */
export async function validateBackground(bytes: Uint8Array, use: ImageUse = BACKGROUND): Promise<ImageHeader> {
  const fail = (code: AppError['code'], message: string, opts: { details?: Record<string, unknown>; cause?: unknown } = {}) =>
    new AppError(code, message, { fields: [{ path: use.field, message }], ...opts });
  if (bytes.length === 0) throw fail('validation_failed', 'the file is empty');
  if (bytes.length > MAX_BACKGROUND_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    throw fail('payload_too_large', `the image is ${mb} MB; at most 2 MB is accepted`, { details: { maxBytes: MAX_BACKGROUND_BYTES, bytes: bytes.length } });
  }
  if (!sniffImageType(bytes)) {
    throw fail('unsupported_media_type', 'the file is not a JPEG, PNG or BMP image (checked from its content, not its name)');
  }
  const header = readImageHeader(bytes);
  if (!header) throw fail('validation_failed', 'the image header is damaged; it cannot be read');

  const { width, height } = header;
  if (width > MAX_BACKGROUND_SIDE || height > MAX_BACKGROUND_SIDE || width * height > MAX_BACKGROUND_PIXELS) {
    throw fail('validation_failed', `the image is ${width}×${height} px; at most ${MAX_BACKGROUND_SIDE} px a side and 25 megapixels (${use.recommended})`, {
      details: { width, height },
    });
  }
  if (width < MIN_BACKGROUND_SIDE || height < MIN_BACKGROUND_SIDE) {
    throw fail('validation_failed', `the image is ${width}×${height} px; at least ${MIN_BACKGROUND_SIDE} px a side (${use.recommended})`);
  }

  // Only now decode (off the event loop: @napi-rs/canvas decodes on its own thread).
  const img = new Image();
  img.src = bytes;
  try {
    await img.decode();
  } catch (cause) {
    throw fail('validation_failed', 'the image could not be decoded (damaged or an unsupported variant)', { cause });
  }
  if (img.width !== width || img.height !== height) throw fail('validation_failed', 'the image header does not match its pixels');
  return header;
}
