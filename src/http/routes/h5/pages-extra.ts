// What the H5 pages need beyond the participant API in ./index.ts:
//   GET /api/h5/c/:campaignId     the public activity page: campaign, the rules participants are
//                                 told, the activity code to scan while it runs, and how the pages
//                                 sign visitors in (`signIn`: 'oauth' through the OA, or 'link')
//   GET /api/h5/me/ranking        the leaderboard and my place (participant link token)
//   GET /api/h5/me/poster         my poster's URL and pixel size (participant link token)
//   GET /api/h5/me/poster.jpg?k=  the poster image; `k` is a short-lived signed poster key, since
//                                 an <img> cannot send the Authorization header
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { join } from 'node:path';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/client.ts';
import { AppError, notFound } from '../../../errors.ts';
import type { JobQueue } from '../../../jobs/queue.ts';
import { signToken, verifyToken } from '../../../modules/h5-auth/signed-token.ts';
import { authenticateParticipant } from '../../../modules/fission/authenticate-participant.ts';
import { ensureContactWay } from '../../../modules/fission/ensure-contact-way.ts';
import { campaignWorkspaceId, findFlowCampaign } from '../../../modules/fission/flow-campaign.ts';
import { findParticipantById, type FlowParticipant } from '../../../modules/fission/flow-participant.ts';
import { helpUrl, linkSecret } from '../../../modules/fission/links.ts';
import { publicCampaign } from '../../../modules/fission/public-campaign.ts';
import { getLeaderboard } from '../../../modules/participant/get-leaderboard.ts';
import { getWorkspace } from '../../../modules/workspace/workspace-row.ts';
import { hasOfficialAccount } from '../../../modules/oa-users/oa-client.ts';
import { getBackground } from '../../../modules/poster/get-background.ts';
import { createPosterCache, type PosterCache } from '../../../modules/poster/poster-cache.ts';
import { getParticipantPoster, participantPosterSize, participantPosterVersion, type PosterSubject } from '../../../modules/poster/participant-poster.ts';
import type { LazyPosterRenderer } from '../../lazy-poster-renderer.ts';
import { bearerToken } from './bearer.ts';

const tags = ['h5'];
const POSTER_KEY = 'h5-poster';
const POSTER_KEY_SECONDS = 7 * 86_400;
const CampaignParams = z.object({ campaignId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const PosterQuery = z.object({ k: z.string().min(10).max(300) });

export function h5PagesExtraRoutes(db: Db, config: Config, jobs: JobQueue, renderer: LazyPosterRenderer): FastifyPluginAsyncZod {
  return async (app) => {
    // Posters are drawn on the app's worker threads, started on the first poster asked for.
    let cache: PosterCache | null = null;
    const posterCache = () => (cache ??= createPosterCache({ dir: join(config.dataDir, 'posters'), renderer: renderer.get() }));
    const loadBackground = async (workspaceId: string, imageId: string) => (await getBackground(db, workspaceId, imageId)).bytes;

    const subjectOf = async (p: FlowParticipant): Promise<PosterSubject> => {
      const c = await findFlowCampaign(db, p.workspaceId, p.campaignId, new Date());
      const first = c?.config.tiers[0];
      if (!first) throw notFound(`campaign ${p.campaignId}`);
      return {
        workspaceId: p.workspaceId, campaignId: p.campaignId, participantId: p.id, nickname: p.nickname, avatar: p.avatar,
        helpUrl: helpUrl(config, await linkSecret(db), p.campaignId, p.id),
        offer: { reward: first.reward.name, target: first.target },
        template: c.config.poster ?? null,
      };
    };

    app.get('/api/h5/c/:campaignId', {
      schema: { tags, summary: 'The public activity page: campaign, tiers and stock, rules, and the activity code while it runs', params: CampaignParams },
    }, async (req) => {
      const { campaignId } = req.params;
      const workspaceId = await campaignWorkspaceId(db, campaignId);
      const c = workspaceId && (await findFlowCampaign(db, workspaceId, campaignId, new Date()));
      if (!workspaceId || !c || c.status === 'draft') throw notFound(`campaign ${campaignId}`);
      let activityQr: { url: string } | null = null;
      if (c.status === 'running') {
        // WeCom being unreachable must not take the activity page down: it shows without the code.
        const way = await ensureContactWay({ db, config, jobs }, { workspaceId, campaignId, participantId: null }).catch((err: unknown) => {
          req.log.warn({ err, campaignId }, 'activity code unavailable');
          return null;
        });
        activityQr = way && way.qrUrl ? { url: way.qrUrl } : null;
      }
      const { helpsPerHelper, noMutualHelp, genderFilter, newCustomersOnly, churnPolicy } = c.config.rules;
      // How the pages learn who the visitor is: through the workspace's Official Account, or only from signed links.
      const signIn = hasOfficialAccount(await getWorkspace(db, { id: workspaceId })) ? 'oauth' : 'link';
      return { campaign: publicCampaign(c), rules: { helpsPerHelper, noMutualHelp, genderFilter, newCustomersOnly, churnPolicy }, activityQr, signIn };
    });

    app.get('/api/h5/me/ranking', {
      schema: { tags, summary: 'The leaderboard of my campaign and my place in it (participant link token)' },
    }, async (req) => {
      const me = await authenticateParticipant(db, bearerToken(req));
      const board = await getLeaderboard(db, me.campaignId, me);
      return {
        top: board.top.map((p) => ({ rank: p.rank, nickname: p.nickname, avatar: p.avatar, validHelps: p.validHelps, isMe: p.participantId === me.id })),
        me: board.me,
      };
    });

    app.get('/api/h5/me/poster', {
      schema: { tags, summary: 'My poster: image URL (with a signed poster key) and pixel size (participant link token)' },
    }, async (req) => {
      const me = await authenticateParticipant(db, bearerToken(req));
      const subject = await subjectOf(me);
      const version = participantPosterVersion(subject);
      const key = signToken(await linkSecret(db), { purpose: POSTER_KEY, sub: `${me.id}:${version}`, exp: Math.floor(Date.now() / 1000) + POSTER_KEY_SECONDS });
      return { url: `/api/h5/me/poster.jpg?k=${encodeURIComponent(key)}`, ...participantPosterSize(subject.template) };
    });

    app.get('/api/h5/me/poster.jpg', {
      schema: { tags, summary: 'My poster image (JPEG); `k` comes from GET /api/h5/me/poster', querystring: PosterQuery },
    }, async (req, reply) => {
      const v = verifyToken(await linkSecret(db), req.query.k, POSTER_KEY);
      if (!v.ok) throw new AppError('unauthorized', `the poster key is not valid (${v.reason}): ask GET /api/h5/me/poster for a new one`);
      const me = await findParticipantById(db, Number(v.claims.sub.split(':')[0]));
      if (!me) throw notFound('poster');
      const poster = await getParticipantPoster(posterCache(), await subjectOf(me), (id) => loadBackground(me.workspaceId, id));
      reply.header('cache-control', 'private, max-age=86400').header('etag', poster.etag);
      if (req.headers['if-none-match'] === poster.etag) return reply.status(304).send();
      return reply.type(poster.contentType).send(poster.bytes);
    });
  };
}
