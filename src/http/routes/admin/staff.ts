// The WeCom directory a workspace's campaigns refer to: staff members and corp tags, pulled from
// WeCom (POST …/directory/pull) or maintained here by operators; and the customer directory that
// recognises visitors signed in through the OA (POST …/customers/pull, a job). Viewers read.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/client.ts';
import type { Config } from '../../../config.ts';
import { pullDirectoryFromWeCom } from '../../../modules/staff/pull-directory-from-wecom.ts';
import { staffInputSchema, staffUserIdSchema } from '../../../modules/staff/staff-member.ts';
import { listStaff } from '../../../modules/staff/list-staff.ts';
import { upsertStaff } from '../../../modules/staff/upsert-staff.ts';
import { staffListSchema, syncStaff } from '../../../modules/staff/sync-staff.ts';
import { listCorpTags } from '../../../modules/staff/list-corp-tags.ts';
import { corpTagListSchema, syncCorpTags } from '../../../modules/staff/sync-corp-tags.ts';
import type { JobQueue } from '../../../jobs/queue.ts';
import { countDirectory } from '../../../modules/customers/customer-directory.ts';
import { latestCustomerPull } from '../../../modules/customers/customer-pulls.ts';
import { requestFullCustomerPull } from '../../../modules/customers/request-customer-pull.ts';
import { hasOfficialAccount } from '../../../modules/oa-users/oa-client.ts';
import { getWorkspace } from '../../../modules/workspace/workspace-row.ts';
import { requireRole } from '../../auth.ts';
import { inBody, WorkspaceParams } from './campaigns-schemas.ts';

const tags = ['admin: staff'];
const base = '/api/admin/workspaces/:workspace';
const Staff = z.object({ userid: z.string(), name: z.string(), avatar: z.string().nullable(), active: z.boolean(), updatedAt: z.date() });
const Tag = z.object({ tagId: z.string(), name: z.string(), groupName: z.string(), active: z.boolean() });
const SyncResult = z.object({ upserted: z.number().int(), deactivated: z.number().int() });
const Pull = z.object({
  id: z.number().int(), staffUserIds: z.array(z.string()), reason: z.string(), status: z.enum(['queued', 'running', 'done', 'failed']),
  pages: z.number().int(), friendships: z.number().int(), error: z.string().nullable(), createdAt: z.date(), startedAt: z.date().nullable(), finishedAt: z.date().nullable(),
});

export function adminStaffRoutes(db: Db, config: Config, jobs: JobQueue): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(`${base}/directory/pull`, {
      schema: {
        tags, summary: 'Sync staff (customer-contact members) and corp tags from WeCom (operator); where the workspace has an OA, also queues a pull of their customers',
        params: WorkspaceParams, response: { 200: z.object({ staff: SyncResult, tags: SyncResult, customers: z.object({ pullId: z.number().int() }).nullable() }) },
      },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'operator');
      const r = await pullDirectoryFromWeCom(db, config, m.workspaceId);
      const ws = await getWorkspace(db, { id: m.workspaceId });
      const customers = hasOfficialAccount(ws) && r.staff.upserted > 0 ? await db.transaction((tx) => requestFullCustomerPull(tx, jobs, m.workspaceId)) : null;
      return { ...r, customers };
    });

    app.post(`${base}/customers/pull`, {
      schema: {
        tags, summary: 'Queue a pull of every active staff member\'s customers into the customer directory (operator); GET …/customers shows how it went',
        params: WorkspaceParams, response: { 202: z.object({ pullId: z.number().int() }) },
      },
    }, async (req, reply) => {
      const m = await requireRole(db, req, req.params.workspace, 'operator');
      return reply.status(202).send(await db.transaction((tx) => requestFullCustomerPull(tx, jobs, m.workspaceId)));
    });

    app.get(`${base}/customers`, {
      schema: {
        tags, summary: 'The customer directory: how many customers we know (with a unionid: recognisable when they sign in through the OA) and the last pull',
        params: WorkspaceParams, response: { 200: z.object({ customers: z.number().int(), withUnionid: z.number().int(), lastPull: Pull.nullable() }) },
      },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      return { ...(await countDirectory(db, m.workspaceId)), lastPull: await latestCustomerPull(db, m.workspaceId) };
    });

    app.get(`${base}/staff`, {
      schema: { tags, summary: 'Staff members (active: may be put on a contact way)', params: WorkspaceParams, response: { 200: z.object({ staff: z.array(Staff) }) } },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      return { staff: await listStaff(db, m.workspaceId) };
    });

    app.put(`${base}/staff`, {
      schema: {
        tags, summary: 'Replace the staff list (operator): listed members are upserted, the others deactivated',
        params: WorkspaceParams, body: z.object({ staff: staffListSchema }).strict(), response: { 200: SyncResult },
      },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'operator');
      return inBody(() => db.transaction((tx) => syncStaff(tx, m.workspaceId, req.body.staff)));
    });

    app.put(`${base}/staff/:userid`, {
      schema: {
        tags, summary: 'Add or change one staff member (operator)',
        params: WorkspaceParams.extend({ userid: staffUserIdSchema }), body: staffInputSchema.omit({ userid: true }), response: { 200: Staff },
      },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'operator');
      return inBody(() => upsertStaff(db, m.workspaceId, { ...req.body, userid: req.params.userid }));
    });

    app.get(`${base}/corp-tags`, {
      schema: { tags, summary: 'Corp tags campaigns may put on participants', params: WorkspaceParams, response: { 200: z.object({ tags: z.array(Tag) }) } },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      return { tags: await listCorpTags(db, m.workspaceId) };
    });

    app.put(`${base}/corp-tags`, {
      schema: {
        tags, summary: 'Replace the corp tag list (operator): listed tags are upserted, the others deactivated',
        params: WorkspaceParams, body: z.object({ tags: corpTagListSchema }).strict(), response: { 200: SyncResult },
      },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'operator');
      return inBody(() => db.transaction((tx) => syncCorpTags(tx, m.workspaceId, req.body.tags)));
    });
  };
}
