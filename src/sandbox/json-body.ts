// Bodies read the way WeChat's JSON APIs read them: any content type, an empty body is `{}`, and
// text that is not a JSON object becomes BAD_JSON so the route can answer 47001 "data format error".
import type { FastifyInstance } from 'fastify';

export const BAD_JSON = Symbol('bad json');

export function acceptLenientJson(fastify: FastifyInstance, bodyLimit = 4 * 1024 * 1024): void {
  fastify.addContentTypeParser('*', { parseAs: 'string', bodyLimit }, (_req, body, done) => {
    const text = String(body).trim();
    if (!text) return done(null, {});
    try {
      const parsed: unknown = JSON.parse(text);
      done(null, parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : BAD_JSON);
    } catch {
      done(null, BAD_JSON);
    }
  });
}
