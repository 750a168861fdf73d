// The participant H5 API (/api/h5): what the pages inside WeChat need. Identity comes only from the
// signed token of the caller's link (Authorization: Bearer), never from ids in the URL or query:
//   participant link  → my page, my prizes
//   OAuth session     → who the visitor is on a campaign (identity), and a returning friend joins
//                       or helps (workspaces with an Official Account: ./oauth.ts signs them in)
//   customer link     → a returning friend joins or helps (workspaces without an OA)
// The help page itself is public: it names the inviter by a signed code, not by an id.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/client.ts';
import type { JobQueue } from '../../../jobs/queue.ts';
import { authenticateCustomer } from '../../../modules/fission/authenticate-customer.ts';
import { authenticateParticipant } from '../../../modules/fission/authenticate-participant.ts';
import { authenticateVisitor } from '../../../modules/fission/authenticate-visitor.ts';
import { claimMyReward } from '../../../modules/fission/claim-my-reward.ts';
import { getHelpPage } from '../../../modules/fission/get-help-page.ts';
import { getMyPage } from '../../../modules/fission/get-my-page.ts';
import { helpAsReturningCustomer } from '../../../modules/fission/help-as-returning-customer.ts';
import { identifyVisitor } from '../../../modules/fission/identify-visitor.ts';
import { joinAsReturningCustomer } from '../../../modules/fission/join-as-returning-customer.ts';
import { bearerToken } from './bearer.ts';

const tags = ['h5'];
const CampaignParams = z.object({ campaignId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const HelpParams = CampaignParams.extend({ inviterCode: z.string().min(3).max(40) });
const TierParams = z.object({ tierNo: z.coerce.number().int().min(1).max(5) });

export function h5Routes(db: Db, config: Config, jobs: JobQueue): FastifyPluginAsyncZod {
  const deps = { db, config, jobs };
  return async (app) => {
    app.get('/api/h5/me', {
      schema: { tags, summary: 'My page: progress, next tier, helpers, help link, prizes (participant link token)' },
    }, async (req) => getMyPage(db, config, await authenticateParticipant(db, bearerToken(req))));

    app.post('/api/h5/me/rewards/:tierNo/address', {
      schema: { tags, summary: 'Give the delivery address of a physical prize (participant link token)', params: TierParams, body: z.record(z.string(), z.unknown()) },
    }, async (req) => {
      const me = await authenticateParticipant(db, bearerToken(req));
      const r = await claimMyReward(db, me, req.params.tierNo, req.body);
      return { tierNo: r.tierNo, status: r.status, address: r.claimForm, claimedAt: r.claimedAt };
    });

    app.get('/api/h5/c/:campaignId/help/:inviterCode', {
      schema: { tags, summary: 'A help page: campaign state and stock, the inviter, the staff QR to scan (public)', params: HelpParams },
    }, async (req) => getHelpPage(deps, req.params.campaignId, req.params.inviterCode));

    app.post('/api/h5/c/:campaignId/help/:inviterCode', {
      schema: { tags, summary: 'A returning friend helps without scanning (OAuth session, customer or participant link token)', params: HelpParams },
    }, async (req) => {
      const { externalUserId } = await authenticateVisitor(db, bearerToken(req), req.params.campaignId);
      return helpAsReturningCustomer(deps, { ...req.params, externalUserId });
    });

    app.post('/api/h5/c/:campaignId/identity', {
      schema: {
        tags, summary: 'Who the signed-in visitor is here: their own participation, what to make of a participant link they hold, whether one tap can join or help (OAuth session)',
        params: CampaignParams, body: z.object({ participantToken: z.string().min(10).max(400).nullable().optional() }).strict(),
      },
    }, async (req) => identifyVisitor(db, { campaignId: req.params.campaignId, session: bearerToken(req), participantToken: req.body.participantToken }));

    app.post('/api/h5/c/:campaignId/join', {
      schema: { tags, summary: 'A returning friend takes part without scanning (OAuth session or customer link token)', params: CampaignParams },
    }, async (req) => {
      const { externalUserId } = await authenticateCustomer(db, bearerToken(req), req.params.campaignId);
      return joinAsReturningCustomer(deps, { campaignId: req.params.campaignId, externalUserId });
    });
  };
}
