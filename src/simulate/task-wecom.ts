// Scenario task-wecom: task fission through WeCom alone. Setup as an operator would do it —
// staff from the corp, a campaign created and published through the admin API — then the
// campaign's code is read from the sandbox (where WeCom shows it) and people add staff members by
// scanning contact-way QR codes.
import type { CampaignConfigInput } from '../domain/task-fission/campaign-config.ts';
import { encodeContactWayState } from '../domain/shared/contact-way-state.ts';
import type { ChannelActions } from './crowd.ts';
import type { Json } from './http-json.ts';
import type { Instance } from './instance.ts';
import type { Person } from './person.ts';

export interface PreparedCampaign {
  workspaceId: string;
  corpid: string;
  campaignId: number;
  entryQrUrl: string;
  actions: ChannelActions;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function prepareTaskWecom(inst: Instance, settings: Partial<CampaignConfigInput>, log: (line: string) => void): Promise<PreparedCampaign> {
  const ws = await inst.admin.call('GET', '');
  const configured = ws.settings?.wecomCorpId;
  const creds = await inst.sandbox.api('GET', '/credentials');
  const corpid: string = typeof configured === 'string' && /^[A-Za-z0-9]+$/.test(configured) ? configured : creds.wecom.corps[0].corpid;
  const corp = await inst.sandbox.api('GET', `/corps/${corpid}`);
  const staff = (corp.staff as Json[]).map((s) => ({ userid: s.userid as string, name: s.name as string }));
  for (const s of staff) await inst.admin.call('PUT', `/staff/${encodeURIComponent(s.userid)}`, { name: s.name });

  const now = Date.now();
  const config: CampaignConfigInput = {
    name: '模拟人群裂变',
    startAt: new Date(now - 60_000).toISOString(),
    endAt: new Date(now + 7 * 86_400_000).toISOString(),
    channel: { type: 'wecom', staffUserIds: staff.slice(0, 2).map((s) => s.userid) },
    tiers: [{ target: 3, reward: { type: 'physical', name: '保温杯' }, stock: 1000 }],
    ...settings,
  } as CampaignConfigInput;
  const draft = await inst.admin.call('POST', '/campaigns', config);
  await inst.admin.call('POST', `/campaigns/${draft.id}/publish`);
  log(`campaign ${draft.id} published in workspace ${ws.slug} (corp ${corpid}, staff ${config.channel.staffUserIds.join(', ')})`);

  // Publishing enqueues the campaign's own code; WeCom (the sandbox) lists it once created.
  const state = encodeContactWayState({ campaignId: draft.id, inviterParticipantId: null });
  let entryQrUrl: string | undefined;
  for (const until = Date.now() + 60_000; !entryQrUrl; await sleep(200)) {
    const { contactWays } = await inst.sandbox.api('GET', `/corps/${corpid}/contact-ways`);
    entryQrUrl = (contactWays as Json[]).find((w) => w.state === state)?.qrImage;
    if (!entryQrUrl && Date.now() > until) throw new Error(`campaign ${draft.id}: its code (state ${state}) did not appear in the sandbox within 60 s`);
  }
  return { workspaceId: ws.id, corpid, campaignId: draft.id, entryQrUrl, actions: wecomActions(inst, corpid) };
}

function wecomActions(inst: Instance, corpid: string): ChannelActions {
  return {
    async arrive(p: Person, qrUrl: string) {
      const r = await inst.sandbox.api('POST', '/actions/scan', { person_id: p.sandboxId, qr_url: qrUrl });
      if (r.outcome === 'added') {
        p.externalUserId = r.external_userid;
        p.staffUserId = r.userid;
      }
      return { outcome: r.outcome as string, added: r.outcome === 'added' };
    },
    async leave(p: Person) {
      if (!p.staffUserId) return;
      await inst.sandbox.api('POST', '/actions/delete-staff', { person_id: p.sandboxId, corpid, userid: p.staffUserId });
    },
    linkIn(m: Json) {
      if (m.kind !== 'welcome' && m.kind !== 'mass_send') return null;
      return findLink(m.content);
    },
  };
}

/** The first URL of a personal page (…/h5/c/<id>/me?t=…) anywhere in a message's content. */
export function findLink(content: unknown): string | null {
  if (typeof content === 'string') return /^https?:\/\/\S+\/h5\/c\/\d+\/me\?t=\S+$/.test(content) ? content : null;
  if (content && typeof content === 'object') {
    for (const v of Object.values(content)) {
      const found = findLink(v);
      if (found) return found;
    }
  }
  return null;
}
