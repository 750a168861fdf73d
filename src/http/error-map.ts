// The one table from error codes to HTTP status, and the one error body shape.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldError } from '../errors.ts';
import { WeChatApiError } from '../wechat/core/api-error.ts';

export const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  wechat_error: 502,
  unavailable: 503,
};

export interface ErrorBody {
  error: { code: ErrorCode | 'internal'; message: string; fields?: FieldError[]; requestId: string };
}

function zodFields(err: { validation: Array<{ instancePath: string; message?: string }>; validationContext?: string }): FieldError[] {
  return err.validation.map((v) => {
    const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    return { path: [err.validationContext, path].filter(Boolean).join('.'), message: v.message ?? 'invalid' };
  });
}

/** Converts anything thrown by a route into the AppError that answers the client. */
export function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof WeChatApiError) return new AppError('wechat_error', err.message, { cause: err });
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields = zodFields(err as never);
    return new AppError('validation_failed', `invalid input: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, { fields });
  }
  const fe = err as FastifyError;
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode < 500) {
    if (fe.statusCode === 413) return new AppError('payload_too_large', fe.message);
    if (fe.statusCode === 415) return new AppError('unsupported_media_type', fe.message);
    if (fe.statusCode === 404) return new AppError('not_found', fe.message);
    return new AppError('bad_request', fe.message);
  }
  return undefined;
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const app = toAppError(err);
  if (!app) {
    req.log.error({ err, reqId: req.id }, 'unhandled error');
    const body: ErrorBody = { error: { code: 'internal', message: 'internal error', requestId: String(req.id) } };
    return reply.status(500).send(body);
  }
  const body: ErrorBody = { error: { code: app.code, message: app.message, requestId: String(req.id) } };
  if (app.fields) body.error.fields = app.fields;
  return reply.status(STATUS[app.code]).send(body);
}
