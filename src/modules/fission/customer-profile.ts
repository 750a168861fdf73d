// Who a customer is, from WeCom's customer detail (externalcontact/get, reference §3.3): nickname,
// avatar, gender, unionid and which staff members they are a friend of, since when.
import type { Gender } from '../../domain/task-fission/gender.ts';
import type { WeComClient } from '../../wechat/wecom/client.ts';

export interface CustomerProfile {
  externalUserId: string;
  nickname: string;
  avatar: string | null;
  gender: Gender;
  unionid: string | null;
  /** Staff the customer is a friend of now, with when the friendship began (Unix seconds). */
  follows: Array<{ userId: string; createTime: number; state: string | null }>;
}

const GENDERS: Record<number, Gender> = { 1: 'male', 2: 'female' };

// The first page holds up to 500 staff; a campaign pool has at most 100, so more is not needed.
export async function fetchCustomerProfile(client: WeComClient, externalUserId: string): Promise<CustomerProfile> {
  const r = await client.getExternalContact(externalUserId);
  const c = r.external_contact;
  return {
    externalUserId,
    nickname: c.name ?? '',
    avatar: c.avatar || null,
    gender: GENDERS[c.gender ?? 0] ?? 'unknown',
    unionid: c.unionid || null,
    follows: (r.follow_user ?? []).map((f) => ({ userId: f.userid, createTime: f.createtime, state: f.state || null })),
  };
}

/**
 * A customer who was already a friend of any staff member before the campaign started is not a
 * new customer (seed 000: 老用户 / 新加好友 exclude people who added staff some other way before).
 */
export function wasCustomerBefore(profile: CustomerProfile, campaignStartAt: string | Date): boolean {
  // WeCom's createtime is in whole seconds: only an earlier second is surely before the start.
  const startSecond = Math.floor(new Date(campaignStartAt).getTime() / 1000);
  return profile.follows.some((f) => f.createTime < startSecond);
}
