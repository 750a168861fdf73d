// The one way the console uploads an image (poster backgrounds, customer-service QR codes): a
// multipart body whose single part is the field `file`, at most MAX_BACKGROUND_BYTES. Errors name
// `errorPath`, the field the console shows them beside.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { AppError, validationError } from '../../../errors.ts';
import { MAX_BACKGROUND_BYTES } from '../../../modules/poster/validate-background.ts';

/** Registers the multipart parser on the plugin that owns the upload route. */
export async function acceptImageUploads(app: FastifyInstance): Promise<void> {
  // One more byte than allowed is read, so an oversized file is told apart from one exactly at the limit.
  await app.register(multipart, { limits: { fileSize: MAX_BACKGROUND_BYTES + 1, files: 1, fields: 0, parts: 1 } });
}

export async function readImageUpload(req: FastifyRequest, errorPath: string): Promise<Buffer> {
  const fail = (code: AppError['code'], message: string) => new AppError(code, message, { fields: [{ path: errorPath, message }] });
  if (!req.isMultipart()) throw fail('unsupported_media_type', 'send the image as multipart/form-data in the field `file`');
  const part = await req.file({ throwFileSizeLimit: false });
  if (!part || part.fieldname !== 'file') throw validationError([{ path: 'file', message: 'the image goes in the multipart field `file`' }]);
  const bytes = await part.toBuffer();
  if (part.file.truncated) throw fail('payload_too_large', 'the image is over 2 MB; at most 2 MB is accepted');
  return bytes;
}
