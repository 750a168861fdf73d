// One error type for the whole service. Use cases throw it; the HTTP edge maps `code` to a status
// (src/http/error-map.ts); anything else is an internal error, logged and hidden from clients.

export type ErrorCode =
  | 'validation_failed' // input did not match the schema; `fields` says which
  | 'bad_request' // well-formed but not acceptable (e.g. malformed XML, bad signature)
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict' // state does not allow it (e.g. editing targets of a published campaign)
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unavailable'
  | 'wechat_error'; // an upstream WeChat API answered with an errcode

export interface FieldError {
  /** Dotted path of the offending field, e.g. `tiers.1.target`. Empty for whole-object errors. */
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, opts: { fields?: FieldError[]; details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = opts.fields;
    this.details = opts.details;
  }
}

export function validationError(fields: FieldError[], message = 'invalid input'): AppError {
  const summary = fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('; ');
  return new AppError('validation_failed', summary ? `${message}: ${summary}` : message, { fields });
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const conflict = (message: string) => new AppError('conflict', message);
