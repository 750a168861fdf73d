// Images the sandbox hosts in WeChat's place: QR codes (p.qpic.cn), avatars (wx.qlogo.cn) and
// uploaded media. `/q/:key` is what a QR encodes: a browser opening it lands on the phone page ready
// to scan it; an API client gets the code described as JSON.
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
    const owners = [...Object.values(store.data.corps), ...Object.values(store.data.oas)];
    const media = owners.map((o) => o.media[id]).find(Boolean);
    const bytes = media ? store.media.get(id) : undefined;
    if (!media || !bytes) return reply.code(404).send({ error: { code: 'not_found', message: 'media not found' } });
    return reply.header('content-type', media.contentType || 'application/octet-stream').send(bytes);
  });

  fastify.get('/q/:key', async (req, reply) => {
    const key = (req.params as { key: string }).key;
    const target = store.data.qrCodes[key];
    if (!target) return reply.code(404).send({ error: { code: 'not_found', message: 'this QR code is no longer valid' } });
    if (/text\/html/.test(req.headers.accept ?? '')) {
      const phone = `${(req.url.split('?')[0] ?? '').replace(/\/q\/[^/]*$/, '')}/phone`;
      return reply.redirect(`${phone}?scan=${encodeURIComponent(qrContentUrl(store, key))}`);
    }
    return { qr: key, ...target };
  });
}
