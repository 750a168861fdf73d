// H5 callers name themselves with the signed token of their link, sent as `Authorization: Bearer`.
import type { FastifyRequest } from 'fastify';

export function bearerToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1];
}
