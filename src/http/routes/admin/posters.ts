// Poster editing for operators:
//   POST …/poster-backgrounds        upload a background (multipart, field `file`, ≤ 2 MB; operator)
//   GET  …/poster-backgrounds/:id    the stored image (viewer)
//   POST …/poster-preview            { template, offer? } → the poster with a sample avatar and nickname (viewer)
//   GET  …/poster-default-background?reward&target   the background of a poster without an uploaded one (viewer)
//   GET/PUT …/campaigns/:id/poster   a campaign's template, as the console's wizard reads and saves it
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/client.ts';
import { AppError, validationError } from '../../../errors.ts';
import { posterOfferSchema } from '../../../domain/poster/offer.ts';
import { posterTemplateSchema } from '../../../domain/poster/template.ts';
import { defaultPosterBackground } from '../../../modules/poster/default-background.ts';
import { saveBackground } from '../../../modules/poster/save-background.ts';
import { getBackground } from '../../../modules/poster/get-background.ts';
import { renderPosterPreview } from '../../../modules/poster/render-poster-preview.ts';
import { getCampaign } from '../../../modules/campaign/get-campaign.ts';
import { updateCampaign } from '../../../modules/campaign/update-campaign.ts';
import type { LazyPosterRenderer } from '../../lazy-poster-renderer.ts';
import { requireRole } from '../../auth.ts';
import { CampaignParams, WorkspaceParams } from './campaigns-schemas.ts';
import { acceptImageUploads, readImageUpload } from './image-upload.ts';

const tags = ['admin: posters'];
const base = '/api/admin/workspaces/:workspace';
const BackgroundParams = WorkspaceParams.extend({ id: z.uuid() });
const UploadedBackground = z.object({
  id: z.string(), width: z.number().int(), height: z.number().int(),
  mime: z.string(), byteSize: z.number().int(), url: z.string().describe('Where the image can be read back'),
});
const TemplateBody = z.object({ template: posterTemplateSchema });
const PreviewBody = TemplateBody.extend({ offer: posterOfferSchema.optional().describe('The first tier\'s reward and target: drawn on the default background when the template has no uploaded one') });

export function adminPosterRoutes(db: Db, renderer: LazyPosterRenderer): FastifyPluginAsyncZod {
  return async (app) => {
    await acceptImageUploads(app);

    app.post(`${base}/poster-backgrounds`, {
      schema: {
        tags, consumes: ['multipart/form-data'], params: WorkspaceParams, response: { 201: UploadedBackground },
        summary: 'Upload a poster background (operator): multipart field `file`, a JPEG, PNG or BMP of at most 2 MB (415/413/400 naming `background`)',
      },
    }, async (req, reply) => {
      const m = await requireRole(db, req, req.params.workspace, 'operator');
      const info = await saveBackground(db, m.workspaceId, await readImageUpload(req, 'background'));
      const url = `/api/admin/workspaces/${encodeURIComponent(req.params.workspace)}/poster-backgrounds/${info.id}`;
      return reply.status(201).send({ id: info.id, width: info.width, height: info.height, mime: info.mime, byteSize: info.byteSize, url });
    });

    app.get(`${base}/poster-backgrounds/:id`, {
      schema: { tags, params: BackgroundParams, produces: ['image/jpeg', 'image/png', 'image/bmp'], summary: 'An uploaded poster background image (viewer); never changes under its id' },
    }, async (req, reply) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      const bg = await getBackground(db, m.workspaceId, req.params.id);
      const etag = `"${bg.sha256.slice(0, 32)}"`;
      reply.header('cache-control', 'private, max-age=31536000, immutable').header('etag', etag);
      if (req.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.type(bg.mime).send(bg.bytes);
    });

    app.post(`${base}/poster-preview`, {
      schema: {
        tags, params: WorkspaceParams, body: PreviewBody, produces: ['image/jpeg'],
        summary: 'Preview a poster template (viewer): a JPEG with a sample avatar, nickname and QR code; 400 naming the bad field',
      },
    }, async (req, reply) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      const { template, offer } = req.body;
      let background: { id: string; bytes: Uint8Array } | null = null;
      if (template.background) {
        const id = template.background.imageId;
        const bg = await getBackground(db, m.workspaceId, id).catch((err: unknown) => {
          if (err instanceof AppError && err.code === 'not_found') {
            throw validationError([{ path: 'body.template.background.imageId', message: 'no background with this id was uploaded to this workspace' }]);
          }
          throw err;
        });
        background = { id, bytes: bg.bytes };
      }
      const jpeg = await renderPosterPreview(renderer.get(), { template, background, ...(offer ? { offer } : {}) });
      return reply.type('image/jpeg').header('cache-control', 'no-store').send(jpeg);
    });

    app.get(`${base}/poster-default-background`, {
      schema: {
        tags, params: WorkspaceParams, querystring: posterOfferSchema, produces: ['image/jpeg'],
        summary: 'The background of posters without an uploaded one (viewer): the offer on a warm gradient, 750×1334 JPEG',
      },
    }, async (req, reply) => {
      await requireRole(db, req, req.params.workspace, 'viewer');
      const bg = defaultPosterBackground(req.query);
      return reply.type('image/jpeg').header('cache-control', 'private, max-age=86400').send(bg.bytes);
    });

    app.get(`${base}/campaigns/:campaignId/poster`, {
      schema: { tags, params: CampaignParams, summary: 'The campaign’s poster template (viewer); null while it uses the default poster' },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      const c = await getCampaign(db, m.workspaceId, req.params.campaignId);
      return { template: c.config.poster ?? null };
    });

    app.put(`${base}/campaigns/:campaignId/poster`, {
      schema: { tags, params: CampaignParams, body: TemplateBody, summary: 'Save the campaign’s poster template (operator); a changed layout gets a higher version' },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'operator');
      const view = await db.transaction(async (tx) => {
        const c = await getCampaign(tx, m.workspaceId, req.params.campaignId);
        return updateCampaign(tx, { workspaceId: m.workspaceId, campaignId: c.id, config: { ...c.config, poster: req.body.template } });
      }).catch((err: unknown) => {
        // The campaign names the template `poster`; this request calls it `body.template`.
        if (!(err instanceof AppError && err.fields)) throw err;
        const fields = err.fields.map((f) => ({ ...f, path: f.path.replace(/^poster(?=\.|$)/, 'body.template') }));
        throw new AppError(err.code, err.message, { fields, ...(err.details ? { details: err.details } : {}), cause: err });
      });
      return { template: view.config.poster ?? null };
    });
  };
}
