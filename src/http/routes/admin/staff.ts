// The WeCom directory a workspace's campaigns refer to: staff members and corp tags, pulled from
// WeCom (POST …/directory/pull) or maintained here by operators. Viewers read.
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
import { requireRole } from '../../auth.ts';
import { inBody, WorkspaceParams } from './campaigns-schemas.ts';

const tags = ['admin: staff'];
const base = '/api/admin/workspaces/:workspace';
const Staff = z.object({ userid: z.string(), name: z.string(), avatar: z.string().nullable(), active: z.boolean(), updatedAt: z.date() });
const Tag = z.object({ tagId: z.string(), name: z.string(), groupName: z.string(), active: z.boolean() });
const SyncResult = z.object({ upserted: z.number().int(), deactivated: z.number().int() });

export function adminStaffRoutes(db: Db, config: Config): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(`${base}/directory/pull`, {
      schema: {
        tags, summary: 'Sync staff (customer-contact members) and corp tags from WeCom (operator)',
        params: WorkspaceParams, response: { 200: z.object({ staff: SyncResult, tags: SyncResult }) },
      },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'operator');
      return pullDirectoryFromWeCom(db, config, m.workspaceId);
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
