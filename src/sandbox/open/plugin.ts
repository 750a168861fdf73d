// open.weixin.qq.com, mounted under `<sandbox>/open`: the web-OAuth authorize page. Inside WeChat the
// phone knows its user; here the user is `?as=<personId>` (or `as=new`), else the cookie the phone
// page sets, else a picker. Then a code (single use, 5 minutes) goes back on redirect_uri?code&state.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import { PAGE_CSP } from '../html.ts';
import { openidFor } from '../oa/openids.ts';
import { createPeople } from '../people/generator.ts';
import { randomAlnum } from '../rng.ts';
import type { Person } from '../store/model.ts';
import { avatarUrl } from '../urls.ts';
import { AuthorizeError, readAuthorizeRequest } from './oauth-request.ts';
import type { AuthorizeRequest } from './oauth-request.ts';
import { errorPage, pickerPage } from './pages.ts';

/** Set by the phone page (and by picking here): which simulated person holds the phone. */
export const PERSON_COOKIE = 'fission_sandbox_person';
const AUTHORIZE = '/connect/oauth2/authorize';
const PICKER_SIZE = 60;

function cookieValue(req: FastifyRequest, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

const html = (reply: FastifyReply, status: number, body: string) =>
  reply.code(status).header('content-type', 'text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).header('cache-control', 'no-store').send(body);

export function issueOauthCode(deps: SandboxDeps, r: AuthorizeRequest, person: Person): string {
  const { store } = deps;
  const now = store.nowSec();
  for (const [c, rec] of Object.entries(store.data.oauthCodes)) if (rec.issuedAt + 86400 < now) delete store.data.oauthCodes[c];
  const code = randomAlnum(32);
  store.data.oauthCodes[code] = { appid: r.oa.appid, personId: person.id, scope: r.scope, issuedAt: now, used: false };
  openidFor(r.oa, person);
  store.changed();
  return code;
}

export async function openPlugin(fastify: FastifyInstance, opts: { deps: SandboxDeps }): Promise<void> {
  const { deps } = opts;
  const { store } = deps;

  fastify.get(AUTHORIZE, async (req, reply) => {
    const q = req.query as Record<string, string | undefined>;
    let r: AuthorizeRequest;
    try {
      r = readAuthorizeRequest(store, q);
    } catch (e) {
      if (e instanceof AuthorizeError) return html(reply, 200, errorPage(e.message, e.code));
      throw e;
    }
    const as = q.as;
    const person = as === 'new' ? createPeople(store, { count: 1 })[0] : store.data.people[as ?? cookieValue(req, PERSON_COOKIE) ?? ''];
    if (!person) {
      const base = new URL(req.url, 'http://sandbox');
      const choose = (id: string) => {
        base.searchParams.set('as', id);
        return `${base.pathname}${base.search}`;
      };
      const people = Object.values(store.data.people).slice(-PICKER_SIZE).reverse().map((p) => ({ person: p, avatar: avatarUrl(store, p.avatarKey) }));
      return html(reply, 200, pickerPage({ oaName: r.oa.name, scope: r.scope, people, choose, ...(as ? { notFound: as } : {}) }));
    }
    if (as) {
      const path = req.url.split('?')[0]?.slice(0, -AUTHORIZE.length).replace(/\/open$/, '') || '/';
      void reply.header('set-cookie', `${PERSON_COOKIE}=${encodeURIComponent(person.id)}; Path=${path}; SameSite=Lax`);
    }
    const target = new URL(r.redirectUri);
    target.searchParams.set('code', issueOauthCode(deps, r, person));
    target.searchParams.set('state', r.state);
    return reply.code(302).header('location', target.toString()).header('cache-control', 'no-store').send();
  });
}
