// Builds the HTTP application: one Fastify instance with zod schemas, OpenAPI, error mapping,
// health and metrics, and the route plugins of each area.
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type LogLevel } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import { randomUUID } from 'node:crypto';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { errorHandler } from './error-map.ts';
import { installMetrics } from './metrics.ts';
import { adminAuthRoutes } from './routes/admin/auth.ts';
import { adminWorkspaceRoutes } from './routes/admin/workspaces.ts';
import { adminProbeRoutes } from './routes/admin/probes.ts';
import { adminStaffRoutes } from './routes/admin/staff.ts';
import { adminCampaignRoutes } from './routes/admin/campaigns.ts';
import { adminCampaignStatsRoutes } from './routes/admin/campaigns-stats.ts';
import { adminParticipantRoutes } from './routes/admin/campaigns-participants.ts';
import { adminRewardRoutes } from './routes/admin/campaigns-rewards.ts';
import { adminCodePoolRoutes } from './routes/admin/campaigns-code-pools.ts';
import { callbackRoutes } from './routes/callback/index.ts';
import { adminStaticRoutes } from './routes/admin-static.ts';
import { h5Routes } from './routes/h5/index.ts';
import { h5OauthRoutes } from './routes/h5/oauth.ts';
import { adminFissionRoutes } from './routes/admin/fission.ts';
import { h5PagesExtraRoutes } from './routes/h5/pages-extra.ts';
import { adminActivityCodeRoutes } from './routes/admin/campaigns-activity-code.ts';
import { h5StaticRoutes } from './routes/h5-static.ts';
import { adminPosterRoutes } from './routes/admin/posters.ts';
import { adminServiceQrImageRoutes } from './routes/admin/service-qr-images.ts';
import { h5ServiceQrRoutes } from './routes/h5/service-qr.ts';
import { oaVerifyFileRoutes } from './routes/oa-verify-file.ts';
import { lazyPosterRenderer } from './lazy-poster-renderer.ts';
import { CONSOLE_DIST, H5_DIST } from './ensure-web-built.ts';
import type { JobQueue } from '../jobs/queue.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  jobs: JobQueue;
  /** Extra plugins mounted after the core routes (e.g. the WeChat sandbox under /sandbox). */
  plugins?: Array<{ plugin: FastifyPluginAsync; prefix?: string; logLevel?: LogLevel }>;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    genReqId: () => randomUUID(),
    bodyLimit: 4 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => errorHandler(new AppError('not_found', `no route for ${req.method} ${req.url.split('?')[0]}`), req, reply));

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Fission API', version: '0.1.0', description: 'Admin API (/api/admin), participant H5 API (/api/h5) and WeChat callbacks (/callback).' },
    },
    transform: jsonSchemaTransform,
  });

  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await db.query('SELECT 1');
      return { status: 'ok', database: db.kind };
    } catch (err) {
      app.log.error({ err }, 'health check: database unreachable');
      return reply.status(503).send({ status: 'unavailable', database: db.kind });
    }
  });
  installMetrics(app);

  await app.register(adminAuthRoutes(db, config));
  await app.register(adminWorkspaceRoutes(db, config));
  await app.register(adminProbeRoutes(db, deps.jobs));
  await app.register(adminStaffRoutes(db, config, deps.jobs));
  await app.register(adminCampaignRoutes(db, deps.jobs));
  await app.register(adminCampaignStatsRoutes(db));
  await app.register(adminParticipantRoutes(db));
  await app.register(adminRewardRoutes(db));
  await app.register(adminCodePoolRoutes(db));
  await app.register(callbackRoutes(db, config, deps.jobs));
  await app.register(adminStaticRoutes({ distDir: CONSOLE_DIST }));
  await app.register(adminFissionRoutes(db, config, deps.jobs));
  await app.register(adminActivityCodeRoutes(db, config, deps.jobs));
  await app.register(h5Routes(db, config, deps.jobs));
  await app.register(h5OauthRoutes(db, config));
  await app.register(oaVerifyFileRoutes(db));
  // One pool of poster render threads for the app, closed with it.
  const posterRenderer = lazyPosterRenderer();
  app.addHook('onClose', () => posterRenderer.close());
  await app.register(adminPosterRoutes(db, posterRenderer));
  await app.register(h5PagesExtraRoutes(db, config, deps.jobs, posterRenderer));
  await app.register(adminServiceQrImageRoutes(db));
  await app.register(h5ServiceQrRoutes(db, config, deps.jobs));
  // The sandbox's phone page shows H5 pages in a frame, as WeChat would open them.
  await app.register(h5StaticRoutes({ distDir: H5_DIST, frameAncestors: [new URL(config.sandboxUrl).origin] }));
  for (const p of deps.plugins ?? []) await app.register(p.plugin, { ...(p.prefix ? { prefix: p.prefix } : {}), ...(p.logLevel ? { logLevel: p.logLevel } : {}) });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.ready();
  return app;
}
