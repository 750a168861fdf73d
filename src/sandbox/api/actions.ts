// Actions of simulated people and staff (POST /sandbox-api/actions/…). Each returns what happened
// and the callback deliveries it queued; `wait: true` answers only after they were sent.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxDeps } from '../deps.ts';
import { decodeQr } from '../img/qr.ts';
import type { Corp, QrTarget } from '../store/model.ts';
import { acceptRequest, addViaContactWay, confirmHalf, customerBlocksStaff, customerDeletesStaff, customerUnblocksStaff, staffDeletesCustomer, startChat } from '../wecom/contact-actions.ts';
import { externalIdFor } from '../wecom/customers.ts';
import { changeGroup, joinViaJoinWay, leaveGroup } from '../wecom/group-actions.ts';
import { confirmMassSend } from '../wecom/mass-send.ts';
import { ApiError, apiRoute, parse, requireCorp, requirePerson, requireStaffId } from './http.ts';
import { actionBase } from './schemas.ts';

const QR_PATH = /\/(?:img\/qr\/([A-Za-z0-9]+)\.png|q\/([A-Za-z0-9]+))(?:[?#].*)?$/;

const scanSchema = z
  .object({
    person_id: z.string(),
    qr_url: z.string().optional(),
    /** A photo/screenshot of the QR (PNG or JPEG), base64 or a data: URL. */
    qr_image: z.string().optional(),
    corpid: z.string().optional(),
    config_id: z.string().optional(),
    userid: z.string().optional(),
    half: z.boolean().optional(),
    ...actionBase,
  })
  .strict();

async function resolveTarget(deps: SandboxDeps, input: z.infer<typeof scanSchema>): Promise<QrTarget> {
  const { qrCodes } = deps.store.data;
  let url = input.qr_url;
  if (input.qr_image) {
    const b64 = input.qr_image.replace(/^data:[^,]*,/, '');
    url = (await decodeQr(Buffer.from(b64, 'base64'))) ?? undefined;
    if (!url) throw new ApiError(422, 'bad_request', 'no QR code found in qr_image');
  }
  if (url) {
    const m = QR_PATH.exec(url);
    const target = m ? qrCodes[(m[1] ?? m[2]) as string] : undefined;
    if (!target) throw new ApiError(404, 'not_found', `this QR code is not (or no longer) valid: ${url}`);
    return target;
  }
  if (input.corpid && input.config_id) {
    const corp = requireCorp(deps, input.corpid);
    if (corp.contactWays[input.config_id]) return { corpid: corp.corpid, kind: 'contact_way', configId: input.config_id };
    if (corp.joinWays[input.config_id]) return { corpid: corp.corpid, kind: 'join_way', configId: input.config_id };
    throw new ApiError(404, 'not_found', `config ${input.config_id} not found in ${corp.corpid}`);
  }
  throw new ApiError(400, 'validation_failed', 'give qr_url, qr_image, or corpid with config_id', [{ path: 'qr_url', message: 'required' }]);
}

export function registerActions(fastify: FastifyInstance, deps: SandboxDeps): void {
  const action = <S extends z.ZodType>(name: string, schema: S, run: (input: z.infer<S>) => unknown) =>
    apiRoute(fastify, deps, 'POST', `/actions/${name}`, async (req) => {
      const input = parse(schema, req.body);
      const out = await run(input);
      if ((input as { wait?: boolean }).wait) await deps.dispatcher.idle();
      return out;
    });
  const corpOf = (corpid: string): Corp => requireCorp(deps, corpid);

  action('scan', scanSchema, async (input) => {
    const person = requirePerson(deps, input.person_id);
    const target = await resolveTarget(deps, input);
    const corp = corpOf(target.corpid);
    if (target.kind === 'contact_way') {
      const way = corp.contactWays[target.configId];
      if (!way) throw new ApiError(404, 'not_found', 'contact way was deleted');
      return { kind: target.kind, config_id: way.configId, ...addViaContactWay(deps, corp, person, way, { ...(input.userid ? { userid: input.userid } : {}), ...(input.half ? { half: true } : {}), ...(input.faults ? { faults: input.faults } : {}) }) };
    }
    const way = corp.joinWays[target.configId];
    if (!way) throw new ApiError(404, 'not_found', 'join way was deleted');
    return { kind: target.kind, config_id: way.configId, ...joinViaJoinWay(deps, corp, person, way, input.faults) };
  });

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
