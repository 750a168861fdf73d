// Actions of simulated people towards Official Accounts and WeChat Pay: follow, unfollow, write to
// the account, switch its notifications off, open a red packet. Scanning an OA code is `actions/scan`.
import type { FastifyInstance } from 'fastify';
import type { SandboxDeps } from '../deps.ts';
import { follow, unfollow, writeToOa } from '../oa/follow-actions.ts';
import { openidFor } from '../oa/openids.ts';
import { settleMerchant } from '../pay/settle.ts';
import { ActionError } from '../wecom/contact-actions.ts';
import { actionRoute, requireMerchant, requireOa, requirePerson } from './http.ts';
import { oaFollowSchema, oaMessageSchema, oaRefuseSchema, oaUnfollowSchema, openRedpackSchema } from './oa-pay-schemas.ts';

export function registerOaActions(fastify: FastifyInstance, deps: SandboxDeps): void {
  actionRoute(fastify, deps, 'oa-follow', oaFollowSchema, (i) =>
    follow(deps, requireOa(deps, i.appid), requirePerson(deps, i.person_id), { ...(i.scene ? { scene: i.scene } : {}), ...(i.faults ? { faults: i.faults } : {}) }),
  );
  actionRoute(fastify, deps, 'oa-unfollow', oaUnfollowSchema, (i) => unfollow(deps, requireOa(deps, i.appid), requirePerson(deps, i.person_id), i.faults));
  actionRoute(fastify, deps, 'oa-message', oaMessageSchema, (i) => writeToOa(deps, requireOa(deps, i.appid), requirePerson(deps, i.person_id), i.content, i.faults));

  actionRoute(fastify, deps, 'oa-refuse-templates', oaRefuseSchema, (i) => {
    const oa = requireOa(deps, i.appid);
    const f = oa.followers[openidFor(oa, requirePerson(deps, i.person_id))];
    if (!f) throw new ActionError(409, `${i.person_id} never followed ${oa.appid}`);
    f.refuseTemplates = i.refuse;
    return { outcome: i.refuse ? 'refused' : 'allowed', appid: oa.appid, openid: f.openid };
  });

  actionRoute(fastify, deps, 'open-redpack', openRedpackSchema, (i) => {
    const person = requirePerson(deps, i.person_id);
    const m = requireMerchant(deps, i.mch_id);
    settleMerchant(deps, m);
    const p = m.redpacks[i.mch_billno];
    if (!p || p.personId !== person.id) throw new ActionError(404, `no red packet ${i.mch_billno} for ${person.id}`, 'mch_billno');
    const base = { mch_id: m.mchId, mch_billno: p.mchBillno, amount: p.amount };
    if (p.status === 'SENT') {
      p.status = 'RECEIVED';
      p.rcvTime = deps.store.nowSec();
      return { outcome: 'received', ...base };
    }
    const outcome = p.status === 'RECEIVED' ? 'already_received' : p.status === 'REFUND' ? 'expired' : 'sending';
    return { outcome, ...base };
  });
}
