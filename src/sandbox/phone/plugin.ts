// The phone page (`<sandbox>/phone`): a small page that plays WeChat users against the sandbox — pick
// or create a person, scan codes, read chats, follow accounts, join groups, open H5 links as them —
// and the staff member confirming group-sends. Plain HTML, CSS and one script, all through the
// sandbox API; every name is set as text, never as markup.
import { readdirSync, readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import { PHONE_CSP, esc } from '../html.ts';
import { PERSON_COOKIE } from '../open/plugin.ts';

const read = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');
const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
/** The page's scripts and styles, read once: every .js and .css file beside this one. */
const ASSETS = new Map(
  readdirSync(new URL('.', import.meta.url))
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => [f, { type: TYPES[f.split('.').pop() as string] as string, body: read(`./${f}`) }]),
);
const PAGE = read('./index.html');

/** The sandbox root's path as this request reached it (e.g. `/sandbox`, or `` when alone). */
const basePath = (req: FastifyRequest) => (req.url.split('?')[0] ?? '').replace(/\/phone\/?$/, '');

export async function phonePlugin(fastify: FastifyInstance, _opts: { deps: SandboxDeps }): Promise<void> {
  const page = async (req: FastifyRequest) => PAGE.replaceAll('{{BASE}}', esc(basePath(req))).replaceAll('{{COOKIE}}', PERSON_COOKIE);
  // Under a prefix, '/' answers both `/phone` and `/phone/`.
  fastify.get('/', async (req, reply) =>
    reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', PHONE_CSP).header('cache-control', 'no-store').send(await page(req)),
  );
  fastify.get('/:file', async (req, reply) => {
    const asset = ASSETS.get((req.params as { file: string }).file);
    if (!asset) return reply.code(404).send({ error: { code: 'not_found', message: 'no such file' } });
    return reply.header('content-type', asset.type).header('cache-control', 'no-cache').send(asset.body);
  });
}
