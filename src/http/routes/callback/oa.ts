// Official Account server URL (reference §6.3). GET: plain-signature check, echo echostr. POST:
// plain mode (signature over token/timestamp/nonce) or safe/compatible mode (encrypt_type=aes,
// msg_signature over the ciphertext, receiveid = AppID). A workspace with an EncodingAESKey takes
// encrypted callbacks only: a plain signature does not cover the body, so it proves too little.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../../errors.ts';
import type { JobQueue } from '../../../jobs/queue.ts';
import { recordInboxEvent } from '../../../modules/inbox/record-inbox-event.ts';
import { parseOaEvent } from '../../../wechat/oa/events.ts';
import { createCallbackCrypto, plainSignature, signaturesEqual } from '../../../wechat/protocol/index.ts';
import { checkTimestamp, guard, requireXmlBody } from './guards.ts';
import { oaTarget, type OaTarget } from './targets.ts';
import { Params } from './wecom.ts';

const Hex40 = z.string().regex(/^[0-9a-fA-F]{40}$/, 'a 40-character hex SHA-1');
const Plain = z.object({ signature: Hex40, timestamp: z.string().regex(/^\d{1,12}$/, 'Unix seconds'), nonce: z.string().min(1).max(64) });
const Push = Plain.partial({ signature: true }).extend({
  openid: z.string().max(128).optional(),
  encrypt_type: z.enum(['raw', 'aes']).optional(),
  msg_signature: Hex40.optional(),
});
const tags = ['callback'];

function checkPlainSignature(t: OaTarget, q: { signature?: string | undefined; timestamp: string; nonce: string }): void {
  if (!q.signature || !signaturesEqual(plainSignature(t.token, q.timestamp, q.nonce), q.signature)) {
    throw new AppError('unauthorized', 'signature does not match the callback token');
  }
}

function openSafeMode(t: OaTarget, q: z.infer<typeof Push>, body: string): string {
  if (!t.encodingAESKey || !t.appId) throw new AppError('conflict', 'encrypted callback, but the workspace has no oaCallbackAesKey/oaAppId');
  if (!q.msg_signature) throw new AppError('bad_request', 'msg_signature is required with encrypt_type=aes', { fields: [{ path: 'querystring.msg_signature', message: 'required' }] });
  const crypto = guard(() => createCallbackCrypto({ token: t.token, encodingAESKey: t.encodingAESKey!, receiveId: t.appId! }));
  return guard(() => crypto.openCallback({ msg_signature: q.msg_signature!, timestamp: q.timestamp, nonce: q.nonce }, body)).msg;
}

export function oaCallbackRoutes(db: Db, config: Config, jobs: JobQueue): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/callback/oa/:workspace', {
      schema: { tags, summary: 'Official Account URL verification: answers echostr', params: Params, querystring: Plain.extend({ echostr: z.string().min(1).max(1024) }) },
    }, async (req, reply) => {
      const t = await oaTarget(db, req.params.workspace);
      checkTimestamp(req.query.timestamp, config.callbackMaxSkewSeconds);
      checkPlainSignature(t, req.query);
      return reply.type('text/plain; charset=utf-8').send(req.query.echostr);
    });

    app.post('/callback/oa/:workspace', {
      schema: { tags, summary: 'Official Account message push (plain or encrypted XML): persisted, then processed by a job', params: Params, querystring: Push },
    }, async (req, reply) => {
      const t = await oaTarget(db, req.params.workspace);
      const q = req.query;
      checkTimestamp(q.timestamp, config.callbackMaxSkewSeconds);
      const body = requireXmlBody(req.body);
      let msg: string;
      if (q.encrypt_type === 'aes') msg = openSafeMode(t, q, body);
      else if (t.encodingAESKey) throw new AppError('unauthorized', 'this workspace takes encrypted (safe mode) callbacks only: encrypt_type=aes is missing');
      else {
        checkPlainSignature(t, q);
        msg = body;
      }
      const event = guard(() => parseOaEvent(msg));
      if (t.originalId && event.toUserName !== t.originalId) throw new AppError('unauthorized', 'the message is addressed to another Official Account');
      const r = await recordInboxEvent(db, jobs, { workspaceId: t.workspaceId, source: 'oa', event, rawXml: msg });
      req.log.info({ workspace: req.params.workspace, source: 'oa', eventType: r.eventType, inboxId: r.id, duplicate: r.duplicate }, 'callback accepted');
      return reply.type('text/plain; charset=utf-8').send('success');
    });
  };
}
