import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/client.ts';
import type { Config } from '../../../config.ts';
import { createWorkspace } from '../../../modules/workspace/create-workspace.ts';
import { CONNECTION_CHECKS, testWeChatConnection } from '../../../modules/workspace/test-wechat-connection.ts';
import { getWorkspace, maskWorkspace, type Workspace } from '../../../modules/workspace/workspace-row.ts';
import { updateWorkspaceSettings } from '../../../modules/workspace/update-workspace-settings.ts';
import { setMemberRole } from '../../../modules/workspace/memberships.ts';
import { ROLES } from '../../../modules/workspace/roles.ts';
import { requireAdmin, requireRole } from '../../auth.ts';
import { OA_VERIFY_FILE } from '../oa-verify-file.ts';
import { NOTICE_VALUES, parseTemplateFields } from '../../../domain/task-fission/progress-notice.ts';

const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'lowercase letters, digits and dashes, 2–40 characters, starting with a letter or digit');
const WorkspaceParams = z.object({ workspace: Slug });
const opt = (s: z.ZodType) => s.nullable().optional();

const Settings = z.object({
  name: z.string().trim().min(1).max(60).optional(),
  useSandbox: z.boolean().optional(),
  wecomCorpId: opt(z.string().regex(/^[A-Za-z0-9]{6,32}$/, 'a WeCom corp id (letters and digits)')),
  wecomContactSecret: opt(z.string().min(8).max(128)),
  wecomAgentId: opt(z.number().int().positive()),
  wecomAgentSecret: opt(z.string().min(8).max(128)),
  wecomCallbackToken: opt(z.string().regex(/^[A-Za-z0-9]{1,32}$/, 'letters and digits, at most 32')),
  wecomCallbackAesKey: opt(z.string().regex(/^[A-Za-z0-9]{43}$/, 'exactly 43 letters and digits')),
  oaAppId: opt(z.string().regex(/^wx[0-9a-f]{16}$/i, 'an OA AppID (wx + 16 hex)')),
  oaAppSecret: opt(z.string().min(8).max(128)),
  oaOriginalId: opt(z.string().regex(/^gh_[0-9a-z]{6,20}$/i, 'an original id (gh_…)')),
  oaCallbackToken: opt(z.string().regex(/^[A-Za-z0-9]{3,32}$/, 'letters and digits, 3–32')),
  oaCallbackAesKey: opt(z.string().regex(/^[A-Za-z0-9]{43}$/, 'exactly 43 letters and digits')),
  oaProgressTemplateId: opt(z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, 'a template id from 模板消息 → 我的模板 (10–64 letters, digits, - or _)')),
  oaProgressTemplateFields: opt(z.string().max(400).superRefine((text, ctx) => {
    const r = parseTemplateFields(text);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: `${r.error} (values: ${NOTICE_VALUES.join(', ')})` });
  })),
  oaVerifyFile: opt(z.string().regex(OA_VERIFY_FILE, 'the file name WeChat offers for download under 网页授权域名, MP_verify_….txt')),
  payMchId: opt(z.string().regex(/^\d{6,32}$/, 'a merchant id (digits)')),
  payApiKey: opt(z.string().regex(/^[A-Za-z0-9]{32}$/, 'the 32-character APIv2 key')),
}).strict();

const WorkspaceView = z.object({
  id: z.string(), slug: z.string(), name: z.string(), useSandbox: z.boolean(),
  settings: z.record(z.string(), z.unknown()),
  callbackUrls: z.object({ wecom: z.string(), oa: z.string() }),
});

export function adminWorkspaceRoutes(db: Db, config: Config): FastifyPluginAsyncZod {
  const view = (ws: Workspace) => {
    const { id, slug, name, useSandbox, createdAt: _c, ...rest } = maskWorkspace(ws);
    return {
      id, slug, name, useSandbox, settings: rest,
      callbackUrls: { wecom: `${config.publicUrl}/callback/wecom/${slug}`, oa: `${config.publicUrl}/callback/oa/${slug}` },
    };
  };
  return async (app) => {
    app.post('/api/admin/workspaces', {
      schema: { tags: ['admin: workspaces'], summary: 'Create a workspace; the caller becomes its owner', body: z.object({ slug: Slug, name: z.string().trim().min(1).max(60), useSandbox: z.boolean().default(false) }), response: { 201: WorkspaceView } },
    }, async (req, reply) => {
      const user = await requireAdmin(db, req);
      const ws = await db.transaction((tx) => createWorkspace(tx, { ...req.body, ownerId: user.id }));
      return reply.status(201).send(view(ws));
    });

    app.get('/api/admin/workspaces/:workspace', {
      schema: { tags: ['admin: workspaces'], summary: 'Workspace settings (secrets masked) and the callback URLs to paste into WeChat', params: WorkspaceParams, response: { 200: WorkspaceView } },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'viewer');
      return view(await getWorkspace(db, { id: m.workspaceId }));
    });

    app.patch('/api/admin/workspaces/:workspace', {
      schema: { tags: ['admin: workspaces'], summary: 'Change settings (owner); null clears a value', params: WorkspaceParams, body: Settings, response: { 200: WorkspaceView } },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'owner');
      return view(await updateWorkspaceSettings(db, m.workspaceId, req.body as never));
    });

    app.post('/api/admin/workspaces/:workspace/connection-test', {
      schema: {
        tags: ['admin: workspaces'],
        summary: 'Test the saved WeChat credentials (operator): WeCom gettoken for the customer-contact and agent secrets, the OA access token; WeChat’s errcode per check',
        params: WorkspaceParams,
        response: { 200: z.object({
          sandbox: z.boolean(),
          checks: z.array(z.object({
            check: z.enum(CONNECTION_CHECKS),
            result: z.enum(['ok', 'failed', 'not_configured']),
            errcode: z.number().int().nullable().describe('WeChat’s errcode; null when WeChat did not answer or the check was not run'),
            errmsg: z.string().nullable(),
          })),
        }) },
      },
    }, async (req) => {
      const m = await requireRole(db, req, req.params.workspace, 'operator');
      return testWeChatConnection(db, config, await getWorkspace(db, { id: m.workspaceId }));
    });

    app.put('/api/admin/workspaces/:workspace/members', {
      schema: { tags: ['admin: workspaces'], summary: 'Grant an existing admin account a role (owner)', params: WorkspaceParams, body: z.object({ email: z.email(), role: z.enum(ROLES) }), response: { 204: z.null() } },
    }, async (req, reply) => {
      const m = await requireRole(db, req, req.params.workspace, 'owner');
      await db.transaction((tx) => setMemberRole(tx, m.workspaceId, req.body.email, req.body.role));
      return reply.status(204).send(null);
    });
  };
}
