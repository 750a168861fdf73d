import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/client.ts';
import type { Config } from '../../../config.ts';
import { logIn, logOut } from '../../../modules/auth/sessions.ts';
import { listMemberships } from '../../../modules/workspace/memberships.ts';
import { requireAdmin, SESSION_COOKIE } from '../../auth.ts';
import { ROLES } from '../../../modules/workspace/roles.ts';

const Me = z.object({
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
  workspaces: z.array(z.object({ workspaceId: z.string(), slug: z.string(), name: z.string(), role: z.enum(ROLES) })),
});

export function adminAuthRoutes(db: Db, config: Config): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/api/admin/auth/login', {
      schema: {
        tags: ['admin: auth'],
        summary: 'Log in with email and password; sets the httpOnly session cookie',
        body: z.object({ email: z.email(), password: z.string().min(1).max(200) }),
        response: { 200: Me },
      },
    }, async (req, reply) => {
      const s = await logIn(db, req.body.email, req.body.password, config.sessionTtlHours);
      reply.setCookie(SESSION_COOKIE, s.token, {
        httpOnly: true, sameSite: 'lax', path: '/', expires: s.expiresAt,
        secure: config.publicUrl.startsWith('https://'),
      });
      return { user: s.user, workspaces: await listMemberships(db, s.user.id) };
    });

    app.post('/api/admin/auth/logout', { schema: { tags: ['admin: auth'], summary: 'End the session', response: { 204: z.null() } } }, async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logOut(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    });

    app.get('/api/admin/me', { schema: { tags: ['admin: auth'], summary: 'The logged-in admin and their workspaces', response: { 200: Me } } }, async (req) => {
      const user = await requireAdmin(db, req);
      return { user, workspaces: await listMemberships(db, user.id) };
    });
  };
}
