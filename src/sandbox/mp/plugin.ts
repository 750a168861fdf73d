// mp.weixin.qq.com, mounted under `<sandbox>/mp`: showqrcode turns a ticket from qrcode/create into
// the code's image (a JPEG encoding the code's `url`); no access token needed.
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import { qrJpeg } from '../img/qr.ts';
import { qrContentUrl } from '../urls.ts';

export async function mpPlugin(fastify: FastifyInstance, opts: { deps: SandboxDeps }): Promise<void> {
  const { store } = opts.deps;
  fastify.get('/cgi-bin/showqrcode', async (req, reply) => {
    const ticket = (req.query as { ticket?: string }).ticket ?? '';
    const qr = Object.values(store.data.oas).map((oa) => oa.qrCodes[ticket]).find(Boolean);
    if (!qr || (qr.expiresAt !== undefined && store.nowSec() >= qr.expiresAt)) {
      return reply.code(404).type('text/plain; charset=utf-8').send('invalid or expired ticket');
    }
    return reply.header('content-type', 'image/jpeg').header('cache-control', 'public, max-age=86400').send(await qrJpeg(qrContentUrl(store, qr.qrKey)));
  });
}
