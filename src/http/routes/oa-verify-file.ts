// The OA's web-OAuth domain verification file: WeChat fetches `/MP_verify_<code>.txt` from the
// root of the domain and expects `<code>` as the body before it accepts the domain. An owner saves
// the downloaded file's name in the workspace settings; any workspace's file is served, since the
// domain (PUBLIC_URL) is the installation's, shared by its workspaces.
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';

export const OA_VERIFY_FILE = /^MP_verify_([A-Za-z0-9]{4,64})\.txt$/;

export function oaVerifyFileRoutes(db: Db): FastifyPluginAsync {
  return async (app) => {
    app.get('/MP_verify_:code(^[A-Za-z0-9]{4,64}).txt', { schema: { hide: true } }, async (req, reply) => {
      const file = `MP_verify_${(req.params as { code: string }).code}.txt`;
      const known = await db.query('SELECT 1 FROM workspaces WHERE oa_verify_file = $1 LIMIT 1', [file]);
      if (!known.rows.length) throw new AppError('not_found', `no workspace has the verification file ${file}`);
      return reply.type('text/plain; charset=utf-8').send(OA_VERIFY_FILE.exec(file)![1]);
    });
  };
}
