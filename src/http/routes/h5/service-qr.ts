// The customer-service QR of a prize, for its winner only:
//   GET /api/h5/me/rewards/:tierNo/service-qr   { kind, url } (participant link token); 404 unless
//                                               the caller won that tier
//   GET /api/h5/me/service-qr.img?k=            an uploaded QR image; `k` comes from the call above,
//                                               since an <img> cannot send the Authorization header
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/client.ts';
import type { JobQueue } from '../../../jobs/queue.ts';
import { authenticateParticipant } from '../../../modules/fission/authenticate-participant.ts';
import { getMyServiceQr } from '../../../modules/fission/get-my-service-qr.ts';
import { getMyServiceQrImage } from '../../../modules/fission/get-my-service-qr-image.ts';
import { bearerToken } from './bearer.ts';

const tags = ['h5'];
const TierParams = z.object({ tierNo: z.coerce.number().int().min(1).max(5) });
const KeyQuery = z.object({ k: z.string().min(10).max(300) });

export function h5ServiceQrRoutes(db: Db, config: Config, jobs: JobQueue): FastifyPluginAsyncZod {
  const deps = { db, config, jobs };
  return async (app) => {
    app.get('/api/h5/me/rewards/:tierNo/service-qr', {
      schema: {
        tags, params: TierParams, response: { 200: z.object({ kind: z.enum(['staff', 'qr_image']), url: z.string() }) },
        summary: 'The customer-service QR to add to claim my prize of this tier (participant link token; 404 unless I won it, 409 if it is not claimed through customer service)',
      },
    }, async (req) => getMyServiceQr(deps, await authenticateParticipant(db, bearerToken(req)), req.params.tierNo));

    app.get('/api/h5/me/service-qr.img', {
      schema: { tags, querystring: KeyQuery, produces: ['image/jpeg', 'image/png', 'image/bmp'], summary: 'An uploaded customer-service QR image; `k` comes from GET /api/h5/me/rewards/:tierNo/service-qr' },
    }, async (req, reply) => {
      const img = await getMyServiceQrImage(db, req.query.k);
      return reply.type(img.mime).header('cache-control', 'private, max-age=86400').send(img.bytes);
    });
  };
}
