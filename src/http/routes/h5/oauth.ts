// Signing in to the H5 pages through the workspace's Official Account (web OAuth, reference §6.8):
//   GET /api/h5/oauth/start?c=<campaign id>&to=<page path>   → 302 to WeChat's authorize page
//   GET /api/h5/oauth/callback?code=…&state=…                → 302 to the page, `#s=<session>`
// Browsers navigate here, so failures are pages (oauth-page.ts), with the status of the error.
// The session travels in the fragment: it never reaches a server log or a Referer, and the page
// takes it out of the address bar at once. A cookie on these two paths only says which browser
// started a sign-in (against login CSRF).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/client.ts';
import { validationError } from '../../../errors.ts';
import { finishOauth } from '../../../modules/h5-auth/finish-oauth.ts';
import { startOauth } from '../../../modules/h5-auth/start-oauth.ts';
import { fieldErrorsFromZod } from '../../../domain/shared/zod-field-errors.ts';
import { toAppError } from '../../error-map.ts';
import { sendOauthError } from './oauth-page.ts';

const BROWSER_COOKIE = 'fission_oauth';
const COOKIE_PATH = '/api/h5/oauth';
const tags = ['h5'];

const StartQuery = z.object({ c: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER), to: z.string().min(1).max(400) });
const CallbackQuery = z.object({ state: z.string().regex(/^[A-Za-z0-9]{1,128}$/, '1–128 letters and digits'), code: z.string().max(256).optional() });

export function h5OauthRoutes(db: Db, config: Config): FastifyPluginAsync {
  const deps = { db, config };
  const frameAncestors = new URL(config.sandboxUrl).origin;
  const fail = (req: FastifyRequest, reply: FastifyReply, err: unknown) => {
    const app = toAppError(err);
    if (!app) throw err;
    req.log.info({ code: app.code, reason: app.message }, 'h5 sign-in refused');
    return sendOauthError(reply, app, frameAncestors);
  };
  const parse = <T>(schema: z.ZodType<T>, query: unknown): T => {
    const r = schema.safeParse(query);
    if (!r.success) throw validationError(fieldErrorsFromZod(r.error).map((f) => ({ ...f, path: `querystring.${f.path}` })));
    return r.data;
  };

  return async (app) => {
    app.get('/api/h5/oauth/start', {
      schema: { tags, summary: 'Sign in to an H5 page through the Official Account: redirects to WeChat\'s authorize page (query: c = campaign id, to = the /h5 page to return to)' },
    }, async (req, reply) => {
      try {
        const q = parse(StartQuery, req.query);
        const r = await startOauth(deps, { campaignId: q.c, returnPath: q.to, browserKey: req.cookies[BROWSER_COOKIE] });
        reply.setCookie(BROWSER_COOKIE, r.browserKey, { httpOnly: true, sameSite: 'lax', path: COOKIE_PATH, maxAge: 86_400, secure: config.publicUrl.startsWith('https://') });
        return reply.header('cache-control', 'no-store').redirect(r.authorizeUrl, 302);
      } catch (err) {
        return fail(req, reply, err);
      }
    });

    app.get('/api/h5/oauth/callback', {
      schema: { tags, summary: 'Where WeChat returns from the authorize page (query: code, state): redirects to the page with the session in the fragment' },
    }, async (req, reply) => {
      try {
        const q = parse(CallbackQuery, req.query);
        const r = await finishOauth(deps, { state: q.state, code: q.code || undefined, browserKey: req.cookies[BROWSER_COOKIE] });
        const to = r.kind === 'again' ? r.authorizeUrl : `${r.returnPath}#s=${r.session}`;
        return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(to, 302);
      } catch (err) {
        return fail(req, reply, err);
      }
    });
  };
}
