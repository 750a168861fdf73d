// Images the sandbox hosts in WeChat's place: QR codes (p.qpic.cn), avatars (wx.qlogo.cn) and
// uploaded media. `/q/:key` is what a QR encodes; opening it describes the code (the phone page
// will render it).
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import { avatarPng } from '../people/avatar.ts';
import { qrContentUrl } from '../urls.ts';
import { qrPng } from './qr.ts';

export async function imagesPlugin(fastify: FastifyInstance, opts: { deps: SandboxDeps }): Promise<void> {
  const { store } = opts.deps;
  const cache = 'public, max-age=86400';

  fastify.get('/img/qr/:file', async (req, reply) => {
    const key = (req.params as { file: string }).file.replace(/\.png$/, '');
    if (!store.data.qrCodes[key]) return reply.code(404).send({ error: { code: 'not_found', message: 'QR code not found' } });
    return reply.header('content-type', 'image/png').header('cache-control', cache).send(await qrPng(qrContentUrl(store, key)));
  });

  fastify.get('/img/avatar/:file', async (req, reply) => {
    const key = decodeURIComponent((req.params as { file: string }).file.replace(/\.png$/, ''));
    return reply.header('content-type', 'image/png').header('cache-control', cache).send(avatarPng(key));
  });

  fastify.get('/img/media/:id', async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const corp = Object.values(store.data.corps).find((c) => c.media[id]);
    const bytes = corp ? store.media.get(id) : undefined;
    if (!corp || !bytes) return reply.code(404).send({ error: { code: 'not_found', message: 'media not found' } });
    return reply.header('content-type', corp.media[id]?.contentType || 'application/octet-stream').send(bytes);
  });

  fastify.get('/q/:key', async (req, reply) => {
    const key = (req.params as { key: string }).key;
    const target = store.data.qrCodes[key];
    if (!target) return reply.code(404).send({ error: { code: 'not_found', message: 'this QR code is no longer valid' } });
    return { qr: key, ...target };
  });
}
