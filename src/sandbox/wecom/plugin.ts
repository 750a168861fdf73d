// The WeCom host (https://qyapi.weixin.qq.com), mounted under `<sandbox>/wecom`: a client swaps
// only its base URL. Bodies are parsed like WeCom does (any content type, unparseable JSON ⇒ 47001;
// multipart for media uploads).
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import { acceptLenientJson } from '../json-body.ts';
import { registerContactWay } from './contact-way.ts';
import { registerExternalContact } from './external-contact.ts';
import { registerGroupchat } from './groupchat.ts';
import { registerGroupWelcome } from './group-welcome.ts';
import { registerJoinWay } from './join-way.ts';
import { registerMassSend } from './mass-send.ts';
import { MULTIPART_FILE_LIMIT, registerMedia } from './media.ts';
import { registerMessage } from './message.ts';
import { registerTags } from './tags.ts';
import { registerToken } from './token.ts';
import { registerUsers } from './users.ts';
import { registerWelcome } from './welcome.ts';

export async function wecomPlugin(fastify: FastifyInstance, opts: { deps: SandboxDeps }): Promise<void> {
  const { deps } = opts;
  fastify.removeAllContentTypeParsers();
  await fastify.register(multipart, { limits: { fileSize: MULTIPART_FILE_LIMIT, files: 4 } });
  acceptLenientJson(fastify);
  registerToken(fastify, deps);
  registerContactWay(fastify, deps);
  registerExternalContact(fastify, deps);
  registerWelcome(fastify, deps);
  registerMassSend(fastify, deps);
  registerMedia(fastify, deps);
  registerTags(fastify, deps);
  registerMessage(fastify, deps);
  registerGroupchat(fastify, deps);
  registerJoinWay(fastify, deps);
  registerGroupWelcome(fastify, deps);
  registerUsers(fastify, deps);
}
