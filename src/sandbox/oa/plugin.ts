// The Official Account API host (https://api.weixin.qq.com), mounted under `<sandbox>/oa`: tokens, QR
// codes, users, customer-service and template messages, media, and the web-OAuth token endpoints
// (/sns/…). Bodies are read like WeChat reads them (any content type; unparseable JSON ⇒ 47001).
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import { acceptLenientJson } from '../json-body.ts';
import { registerOaCustomMessage } from './custom-message.ts';
import { OA_MULTIPART_FILE_LIMIT, registerOaMedia } from './media.ts';
import { registerOaQrCode } from './qrcode.ts';
import { registerSns } from './sns.ts';
import { registerOaTemplate } from './template.ts';
import { registerOaToken } from './token.ts';
import { registerOaUsers } from './users.ts';

export async function oaPlugin(fastify: FastifyInstance, opts: { deps: SandboxDeps }): Promise<void> {
  const { deps } = opts;
  fastify.removeAllContentTypeParsers();
  await fastify.register(multipart, { limits: { fileSize: OA_MULTIPART_FILE_LIMIT, files: 4 } });
  acceptLenientJson(fastify);
  registerOaToken(fastify, deps);
  registerOaQrCode(fastify, deps);
  registerOaUsers(fastify, deps);
  registerOaCustomMessage(fastify, deps);
  registerOaTemplate(fastify, deps);
  registerOaMedia(fastify, deps);
  registerSns(fastify, deps);
}
