// externalcontact/get for one customer (fission/customer-profile.ts), remembered in the customer
// directory on the way: every lookup the flows make keeps the unionid → external_userid map fresh.
import type { Db } from '../../db/client.ts';
import { WeChatApiError } from '../../wechat/core/api-error.ts';
import type { WeComClient } from '../../wechat/wecom/client.ts';
import { fetchCustomerProfile, type CustomerProfile } from '../fission/customer-profile.ts';
import { rememberCustomer } from './customer-directory.ts';

export async function lookUpCustomer(db: Db, workspaceId: string, client: WeComClient, externalUserId: string): Promise<CustomerProfile> {
  const profile = await fetchCustomerProfile(client, externalUserId);
  await rememberCustomer(db, workspaceId, profile);
  return profile;
}

/**
 * Keeps the directory up to date for a customer the flows did not look up themselves (an add
 * through a code that is not a campaign's): a returning customer of a later campaign is found by
 * their unionid only if we know them. Skipped when they were looked up a moment ago; a customer
 * who is already gone again (84061) is left as known.
 */
export async function refreshCustomer(db: Db, workspaceId: string, client: WeComClient, externalUserId: string): Promise<'refreshed' | 'fresh' | 'gone'> {
  const r = await db.query(`SELECT 1 FROM customer_directory WHERE workspace_id = $1 AND external_userid = $2 AND seen_at > now() - interval '1 minute'`, [workspaceId, externalUserId]);
  if (r.rows.length) return 'fresh';
  try {
    await lookUpCustomer(db, workspaceId, client, externalUserId);
    return 'refreshed';
  } catch (err) {
    if (err instanceof WeChatApiError && err.errcode === 84061) return 'gone';
    throw err;
  }
}
