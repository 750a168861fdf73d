// The callback intake: WeChat posts XML here; each accepted event is persisted in the inbox and
// enqueued for processing in one transaction, then acknowledged. Nothing else happens in the request.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/client.ts';
import type { JobQueue } from '../../../jobs/queue.ts';
import { oaCallbackRoutes } from './oa.ts';
import { wecomCallbackRoutes } from './wecom.ts';

/** Callbacks are small; anything bigger is not WeChat. */
const BODY_LIMIT = 512 * 1024;

export function callbackRoutes(db: Db, config: Config, jobs: JobQueue): FastifyPluginAsyncZod {
  return async (app) => {
    // Scoped to this plugin: XML (and, leniently, any other type) arrives as a string.
    const asString = (_req: unknown, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => done(null, String(body));
    app.addContentTypeParser(['text/xml', 'application/xml'], { parseAs: 'string', bodyLimit: BODY_LIMIT }, asString);
    app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT }, asString);
    await app.register(wecomCallbackRoutes(db, config, jobs));
    await app.register(oaCallbackRoutes(db, config, jobs));
  };
}
