// Redeem-code pools of a workspace: redeem_code tiers take one code per winner from them.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/client.ts';
import { getCodePool, listCodePools } from '../../../modules/reward/code-pool.ts';
import { codePoolInputSchema, createCodePool } from '../../../modules/reward/create-code-pool.ts';
import { redeemCodesSchema, uploadRedeemCodes } from '../../../modules/reward/upload-redeem-codes.ts';
import { requireRole } from '../../auth.ts';
import { inBody, PoolParams, WorkspaceParams } from './campaigns-schemas.ts';

const tags = ['admin: rewards'];
const base = '/api/admin/workspaces/:workspace/code-pools';
const Pool = z.object({ id: z.number().int(), name: z.string(), total: z.number().int(), assigned: z.number().int(), available: z.number().int(), createdAt: z.date() });

export function adminCodePoolRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(base, {
      schema: { tags, summary: 'Redeem-code pools with total, assigned and available codes', params: WorkspaceParams, response: { 200: z.object({ pools: z.array(Pool) }) } },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      return { pools: await listCodePools(db, m.workspaceId) };
    });

    app.post(base, {
      schema: { tags, summary: 'Create an empty pool (operator)', params: WorkspaceParams, body: codePoolInputSchema, response: { 201: Pool } },
    }, async (req, reply) => {
      const m = await requireRole(db, req, req.params.workspace, 'operator');
      return reply.status(201).send(await inBody(() => createCodePool(db, m.workspaceId, req.body)));
    });

    app.get(`${base}/:poolId`, {
      schema: { tags, summary: 'One pool', params: PoolParams, response: { 200: Pool } },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      return getCodePool(db, m.workspaceId, req.params.poolId);
    });

    app.post(`${base}/:poolId/codes`, {
      schema: {
        tags, summary: 'Upload codes in bulk (operator); codes already in the pool are skipped and counted',
        params: PoolParams, body: z.object({ codes: redeemCodesSchema }).strict(),
        response: { 200: z.object({ added: z.number().int(), duplicates: z.number().int(), pool: Pool }) },
      },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'operator');
      return inBody(() => db.transaction(async (tx) => {
        const r = await uploadRedeemCodes(tx, m.workspaceId, req.params.poolId, req.body.codes);
        return { ...r, pool: await getCodePool(tx, m.workspaceId, req.params.poolId) };
      }));
    });
  };
}
