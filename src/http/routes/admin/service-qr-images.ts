// Customer-service QR images for prizes (a tier's reward contact {type:'qr_image'}):
//   POST …/service-qr-images       upload (multipart, field `file`, JPEG/PNG/BMP ≤ 2 MB; operator);
//                                  answers the `url` to put in the contact's `imageUrl`
//   GET  …/service-qr-images/:id   the stored image (viewer); winners see it through the H5 API
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/client.ts';
import { getServiceQrImage } from '../../../modules/reward/get-service-qr-image.ts';
import { saveServiceQrImage } from '../../../modules/reward/save-service-qr-image.ts';
import { serviceQrImagePath } from '../../../modules/reward/service-qr-image-path.ts';
import { requireRole } from '../../auth.ts';
import { WorkspaceParams } from './campaigns-schemas.ts';
import { acceptImageUploads, readImageUpload } from './image-upload.ts';

const tags = ['admin: rewards'];
const base = '/api/admin/workspaces/:workspace/service-qr-images';
const ImageParams = WorkspaceParams.extend({ id: z.uuid() });
const Uploaded = z.object({
  id: z.string(), width: z.number().int(), height: z.number().int(), mime: z.string(), byteSize: z.number().int(),
  url: z.string().describe('The imageUrl of a {type:"qr_image"} contact; the console reads the image back here'),
});

export function adminServiceQrImageRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    await acceptImageUploads(app);

    app.post(base, {
      schema: {
        tags, consumes: ['multipart/form-data'], params: WorkspaceParams, response: { 201: Uploaded },
        summary: 'Upload a customer-service QR image (operator): multipart field `file`, a JPEG, PNG or BMP of at most 2 MB (415/413/400 naming `file`)',
      },
    }, async (req, reply) => {
      const m = await requireRole(db, req, req.params.workspace, 'operator');
      const info = await saveServiceQrImage(db, m.workspaceId, await readImageUpload(req, 'file'));
      return reply.status(201).send({ ...info, url: serviceQrImagePath(req.params.workspace, info.id) });
    });

    app.get(`${base}/:id`, {
      schema: { tags, params: ImageParams, produces: ['image/jpeg', 'image/png', 'image/bmp'], summary: 'An uploaded customer-service QR image (viewer); never changes under its id' },
    }, async (req, reply) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      const img = await getServiceQrImage(db, m.workspaceId, req.params.id);
      reply.header('cache-control', 'private, max-age=31536000, immutable');
      return reply.type(img.mime).send(img.bytes);
    });
  };
}
