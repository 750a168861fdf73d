// Actions of simulated people and staff (POST /sandbox-api/actions/…). Each returns what happened
// and the callback deliveries it queued; `wait: true` answers only after they were sent.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxDeps } from '../deps.ts';
import { follow } from '../oa/follow-actions.ts';
import type { Corp } from '../store/model.ts';
import { acceptRequest, addViaContactWay, confirmHalf, customerBlocksStaff, customerDeletesStaff, customerUnblocksStaff, staffDeletesCustomer, startChat } from '../wecom/contact-actions.ts';
import { externalIdFor } from '../wecom/customers.ts';
import { changeGroup, joinViaJoinWay, leaveGroup } from '../wecom/group-actions.ts';
import { confirmMassSend } from '../wecom/mass-send.ts';
import { ApiError, actionRoute, requireCorp, requireOa, requirePerson, requireStaffId } from './http.ts';
import { resolveScanTarget } from './scan-target.ts';
import { actionBase } from './schemas.ts';

const scanSchema = z
  .object({
    person_id: z.string(),
    qr_url: z.string().optional(),
    /** A photo/screenshot of the QR (PNG or JPEG), base64 or a data: URL. */
    qr_image: z.string().optional(),
    /** Where the sandbox can download the QR image. */
    qr_image_url: z.string().optional(),
    corpid: z.string().optional(),
    config_id: z.string().optional(),
    appid: z.string().optional(),
    ticket: z.string().optional(),
    userid: z.string().optional(),
    half: z.boolean().optional(),
    ...actionBase,
  })
  .strict();

/** Room for a base64 photo of a poster. */
const SCAN_BODY_LIMIT = 16 * 1024 * 1024;

export function registerActions(fastify: FastifyInstance, deps: SandboxDeps): void {
  const action = <S extends z.ZodType>(name: string, schema: S, run: (input: z.infer<S>) => unknown, bodyLimit?: number) =>
    actionRoute(fastify, deps, name, schema, run, bodyLimit);
  const corpOf = (corpid: string): Corp => requireCorp(deps, corpid);

  action('scan', scanSchema, async (input) => {
    const person = requirePerson(deps, input.person_id);
    const target = await resolveScanTarget(deps, input);
    if (target.kind === 'web_page') return { kind: target.kind, outcome: 'opened', url: target.url };
    if (target.kind === 'oa_qrcode') {
      const oa = requireOa(deps, target.appid);
      const qr = oa.qrCodes[target.ticket];
      if (!qr) throw new ApiError(404, 'not_found', 'this QR code is no longer valid');
      return { kind: target.kind, ...follow(deps, oa, person, { qr, ...(input.faults ? { faults: input.faults } : {}) }) };
    }
    const corp = corpOf(target.corpid);
    if (target.kind === 'contact_way') {
      const way = corp.contactWays[target.configId];
      if (!way) throw new ApiError(404, 'not_found', 'contact way was deleted');
      return { kind: target.kind, config_id: way.configId, ...addViaContactWay(deps, corp, person, way, { ...(input.userid ? { userid: input.userid } : {}), ...(input.half ? { half: true } : {}), ...(input.faults ? { faults: input.faults } : {}) }) };
    }
    const way = corp.joinWays[target.configId];
    if (!way) throw new ApiError(404, 'not_found', 'join way was deleted');
    return { kind: target.kind, config_id: way.configId, ...joinViaJoinWay(deps, corp, person, way, input.faults) };
  }, SCAN_BODY_LIMIT);

  const pair = z.object({ corpid: z.string(), userid: z.string(), external_userid: z.string(), ...actionBase }).strict();
  action('accept-request', pair, (i) => acceptRequest(deps, corpOf(i.corpid), i.userid, i.external_userid, i.faults));
  action('confirm-half-add', pair, (i) => confirmHalf(deps, corpOf(i.corpid), i.userid, i.external_userid, i.faults));
  action('delete-customer', pair, (i) => {
    const corp = corpOf(i.corpid);
    return staffDeletesCustomer(deps, corp, requireStaffId(corp, i.userid), i.external_userid, i.faults);
  });
  action('chat', pair, (i) => {
    startChat(deps, corpOf(i.corpid), i.userid, i.external_userid);
    return { outcome: 'chatted' };
  });

  const personStaff = z.object({ person_id: z.string(), corpid: z.string(), userid: z.string(), ...actionBase }).strict();
  action('delete-staff', personStaff, (i) => {
    const corp = corpOf(i.corpid);
    return customerDeletesStaff(deps, corp, requirePerson(deps, i.person_id), requireStaffId(corp, i.userid), i.faults);
  });
  action('block', personStaff, (i) => {
    const corp = corpOf(i.corpid);
    return customerBlocksStaff(deps, corp, requirePerson(deps, i.person_id), requireStaffId(corp, i.userid), i.faults);
  });
  action('unblock', personStaff, (i) => {
    const corp = corpOf(i.corpid);
    customerUnblocksStaff(deps, corp, requirePerson(deps, i.person_id), requireStaffId(corp, i.userid));
    return { outcome: 'unblocked' };
  });

  const quit = z.object({ corpid: z.string(), chat_id: z.string(), person_id: z.string().optional(), userid: z.string().optional(), removed_by: z.string().optional(), ...actionBase }).strict();
  action('quit-group', quit, (i) => {
    const corp = corpOf(i.corpid);
    const member = i.person_id ? externalIdFor(corp, requirePerson(deps, i.person_id)) : i.userid;
    if (!member) throw new ApiError(400, 'validation_failed', 'give person_id or userid', [{ path: 'person_id', message: 'required' }]);
    return leaveGroup(deps, corp, i.chat_id, member, i.removed_by, i.faults);
  });

  const change = z.object({ corpid: z.string(), chat_id: z.string(), name: z.string().min(1).optional(), notice: z.string().optional(), owner: z.string().optional(), dismiss: z.boolean().optional(), ...actionBase }).strict();
  action('change-group', change, (i) => {
    const { corpid, chat_id, faults, wait: _wait, ...rest } = i;
    return changeGroup(deps, corpOf(corpid), chat_id, rest, faults);
  });

  const confirm = z.object({ corpid: z.string(), msgid: z.string(), userid: z.string() }).strict();
  action('confirm-mass-send', confirm, (i) => ({ outcome: 'sent', ...confirmMassSend(deps, corpOf(i.corpid), i.msgid, i.userid) }));
}
