// WeCom callback URL (reference §2): GET answers URL verification with the decrypted echostr;
// POST verifies, decrypts, parses and persists the event, then answers `success`.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../../errors.ts';
import type { JobQueue } from '../../../jobs/queue.ts';
import { recordInboxEvent } from '../../../modules/inbox/record-inbox-event.ts';
import { createCallbackCrypto, parseWecomEvent } from '../../../wechat/protocol/index.ts';
import { checkTimestamp, guard, requireXmlBody, restorePlus } from './guards.ts';
import { wecomTarget } from './targets.ts';

export const Params = z.object({ workspace: z.string().min(1).max(64) });
const Signed = z.object({
  msg_signature: z.string().regex(/^[0-9a-fA-F]{40}$/, 'a 40-character hex SHA-1'),
  timestamp: z.string().regex(/^\d{1,12}$/, 'Unix seconds'),
  nonce: z.string().min(1).max(64),
});
const tags = ['callback'];

export function wecomCallbackRoutes(db: Db, config: Config, jobs: JobQueue): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/callback/wecom/:workspace', {
      schema: { tags, summary: 'WeCom URL verification: answers the decrypted echostr', params: Params, querystring: Signed.extend({ echostr: z.string().min(1).max(4096) }) },
    }, async (req, reply) => {
      const t = await wecomTarget(db, req.params.workspace);
      checkTimestamp(req.query.timestamp, config.callbackMaxSkewSeconds);
      const crypto = guard(() => createCallbackCrypto({ token: t.token, encodingAESKey: t.encodingAESKey, receiveId: t.corpId }));
      const echo = guard(() => crypto.verifyUrl({ ...req.query, echostr: restorePlus(req.query.echostr) }));
      // WeChat's echostr is a short random number; refusing XML keeps this from decrypting captured events.
      if (echo.includes('<')) throw new AppError('bad_request', 'echostr does not decrypt to an echo');
      return reply.type('text/plain; charset=utf-8').send(echo);
    });

    app.post('/callback/wecom/:workspace', {
      schema: { tags, summary: 'WeCom event delivery (encrypted XML): persisted, then processed by a job', params: Params, querystring: Signed },
    }, async (req, reply) => {
      const t = await wecomTarget(db, req.params.workspace);
      checkTimestamp(req.query.timestamp, config.callbackMaxSkewSeconds);
      const body = requireXmlBody(req.body);
      const crypto = guard(() => createCallbackCrypto({ token: t.token, encodingAESKey: t.encodingAESKey, receiveId: t.corpId }));
      const { msg } = guard(() => crypto.openCallback(req.query, body));
      const event = guard(() => parseWecomEvent(msg));
      const r = await recordInboxEvent(db, jobs, { workspaceId: t.workspaceId, source: 'wecom', event, rawXml: msg });
      req.log.info({ workspace: req.params.workspace, source: 'wecom', eventType: r.eventType, inboxId: r.id, duplicate: r.duplicate }, 'callback accepted');
      return reply.type('text/plain; charset=utf-8').send('success');
    });
  };
}
