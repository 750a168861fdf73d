// WeCom server API client for one app secret of one corp (the customer-contact secret for
// externalcontact/*, an agent's secret for message/send). Requests and responses keep WeChat's
// field names, so the types read like the reference (§3–§5). Knows no business.
import type { Db } from '../../db/client.ts';
import { JsonApi, type TokenSource } from '../core/json-api.ts';
import { DEFAULT_TIMEOUT_MS, resolveLimiter, resolveRetry, type ClientOptions } from '../core/options.ts';
import type { MultipartFile } from '../core/transport.ts';
import { REAL_HOSTS } from '../hosts.ts';
import { TokenCache, tokenCacheKey } from '../token-cache.ts';
import type * as C from './contact-types.ts';
import type * as G from './group-types.ts';
import type * as M from './misc-types.ts';

export interface WeComClientOptions extends ClientOptions {
  corpId: string;
  secret: string;
  db: Db;
}

type Ok = Record<string, never>;
const EC = '/cgi-bin/externalcontact';

export class WeComClient {
  readonly corpId: string;
  private readonly api: JsonApi;
  private readonly token: TokenSource;
  private readonly fetchToken: () => Promise<{ accessToken: string; expiresIn: number }>;

  constructor(opts: WeComClientOptions) {
    const baseUrl = opts.baseUrl ?? REAL_HOSTS.wecom;
    this.corpId = opts.corpId;
    this.api = new JsonApi({
      product: 'wecom', owner: opts.corpId, baseUrl, logger: opts.logger,
      limiter: resolveLimiter('wecom', opts.rateLimit), retry: resolveRetry(opts.retry), timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    const cache = new TokenCache(opts.db);
    const key = tokenCacheKey(baseUrl, opts.corpId, opts.secret);
    this.fetchToken = async () => {
      const r = await this.api.call<{ access_token: string; expires_in: number }>({
        api: 'gettoken', method: 'GET', path: '/cgi-bin/gettoken', query: { corpid: opts.corpId, corpsecret: opts.secret },
      });
      return { accessToken: r.access_token, expiresIn: r.expires_in };
    };
    this.token = { get: (stale) => cache.get(key, this.fetchToken, stale) };
  }

  /** A valid access token (from the shared cache). */
  accessToken(): Promise<string> {
    return this.token.get();
  }

  /** Calls gettoken now, past the cache, to check the corpid and secret (WeCom answers the same
   *  token while it is valid, so this disturbs nothing). Throws WeChatApiError with WeCom's errcode. */
  async checkSecret(): Promise<void> {
    await this.fetchToken();
  }

  private post<T>(api: string, path: string, json: unknown): Promise<T> {
    return this.api.call<T>({ api, method: 'POST', path, json, token: this.token });
  }

  private get<T>(api: string, path: string, query: Record<string, string | number | undefined>): Promise<T> {
    return this.api.call<T>({ api, method: 'GET', path, query, token: this.token });
  }

  // Staff: who has customer contact, and their directory entry (names, avatars).
  async getFollowUserList(): Promise<string[]> {
    return (await this.get<{ follow_user: string[] }>('externalcontact/get_follow_user_list', `${EC}/get_follow_user_list`, {})).follow_user;
  }
  getUser(userId: string): Promise<M.WeComUser> {
    return this.get('user/get', '/cgi-bin/user/get', { userid: userId });
  }

  // "Contact me" ways (§3.1)
  addContactWay(req: C.AddContactWayRequest): Promise<C.AddContactWayResponse> {
    return this.post('externalcontact/add_contact_way', `${EC}/add_contact_way`, req);
  }
  async getContactWay(configId: string): Promise<C.ContactWay> {
    return (await this.post<{ contact_way: C.ContactWay }>('externalcontact/get_contact_way', `${EC}/get_contact_way`, { config_id: configId })).contact_way;
  }
  listContactWays(req: C.ListContactWaysRequest = {}): Promise<C.ListContactWaysResponse> {
    return this.post('externalcontact/list_contact_way', `${EC}/list_contact_way`, req);
  }
  async updateContactWay(req: C.UpdateContactWayRequest): Promise<void> {
    await this.post<Ok>('externalcontact/update_contact_way', `${EC}/update_contact_way`, req);
  }
  async deleteContactWay(configId: string): Promise<void> {
    await this.post<Ok>('externalcontact/del_contact_way', `${EC}/del_contact_way`, { config_id: configId });
  }

  // Customers (§3.3) and messages to them (§3.4, §3.6)
  getExternalContact(externalUserId: string, cursor?: string): Promise<C.GetExternalContactResponse> {
    return this.get('externalcontact/get', `${EC}/get`, { external_userid: externalUserId, cursor });
  }
  async listExternalContacts(userId: string): Promise<string[]> {
    return (await this.get<{ external_userid?: string[] }>('externalcontact/list', `${EC}/list`, { userid: userId })).external_userid ?? [];
  }
  batchGetExternalContactsByUser(req: C.BatchGetByUserRequest): Promise<C.BatchGetByUserResponse> {
    return this.post('externalcontact/batch/get_by_user', `${EC}/batch/get_by_user`, req);
  }
  async sendWelcomeMsg(req: C.SendWelcomeMsgRequest): Promise<void> {
    await this.post<Ok>('externalcontact/send_welcome_msg', `${EC}/send_welcome_msg`, req);
  }
  addMsgTemplate(req: C.AddMsgTemplateRequest): Promise<C.AddMsgTemplateResponse> {
    return this.post('externalcontact/add_msg_template', `${EC}/add_msg_template`, req);
  }

  // Media (§5)
  uploadMedia(type: M.MediaType, file: MultipartFile): Promise<M.UploadMediaResponse> {
    return this.api.call({ api: 'media/upload', method: 'POST', path: '/cgi-bin/media/upload', query: { type }, file: { field: 'media', ...file }, token: this.token });
  }
  uploadImage(file: MultipartFile): Promise<M.UploadImageResponse> {
    return this.api.call({ api: 'media/uploadimg', method: 'POST', path: '/cgi-bin/media/uploadimg', file: { field: 'media', ...file }, token: this.token });
  }

  // Corp customer tags (§3.5)
  async getCorpTagList(req: M.GetCorpTagListRequest = {}): Promise<M.CorpTagGroup[]> {
    return (await this.post<{ tag_group: M.CorpTagGroup[] }>('externalcontact/get_corp_tag_list', `${EC}/get_corp_tag_list`, req)).tag_group;
  }
  async addCorpTag(req: M.AddCorpTagRequest): Promise<M.CorpTagGroup> {
    return (await this.post<{ tag_group: M.CorpTagGroup }>('externalcontact/add_corp_tag', `${EC}/add_corp_tag`, req)).tag_group;
  }
  async markTag(req: M.MarkTagRequest): Promise<void> {
    await this.post<Ok>('externalcontact/mark_tag', `${EC}/mark_tag`, req);
  }

  // App message to staff (§5): needs a client built with the agent's secret.
  sendAppMessage(req: M.SendAppMessageRequest): Promise<M.SendAppMessageResponse> {
    return this.post('message/send', '/cgi-bin/message/send', req);
  }

  // Customer groups (§4.1) and join ways (§4.2)
  listGroupChats(req: G.ListGroupChatsRequest): Promise<G.ListGroupChatsResponse> {
    return this.post('externalcontact/groupchat/list', `${EC}/groupchat/list`, req);
  }
  async getGroupChat(chatId: string, needName = true): Promise<G.GroupChat> {
    return (await this.post<{ group_chat: G.GroupChat }>('externalcontact/groupchat/get', `${EC}/groupchat/get`, { chat_id: chatId, need_name: needName ? 1 : 0 })).group_chat;
  }
  async addJoinWay(req: G.JoinWayFields): Promise<string> {
    return (await this.post<{ config_id: string }>('externalcontact/groupchat/add_join_way', `${EC}/groupchat/add_join_way`, req)).config_id;
  }
  async getJoinWay(configId: string): Promise<G.JoinWay> {
    return (await this.post<{ join_way: G.JoinWay }>('externalcontact/groupchat/get_join_way', `${EC}/groupchat/get_join_way`, { config_id: configId })).join_way;
  }
  /** Full overwrite: scene and chat_id_list are required again. */
  async updateJoinWay(req: G.JoinWayFields & { config_id: string }): Promise<void> {
    await this.post<Ok>('externalcontact/groupchat/update_join_way', `${EC}/groupchat/update_join_way`, req);
  }
  async deleteJoinWay(configId: string): Promise<void> {
    await this.post<Ok>('externalcontact/groupchat/del_join_way', `${EC}/groupchat/del_join_way`, { config_id: configId });
  }

  // Group welcome templates (§4.4)
  async addGroupWelcomeTemplate(req: G.AddGroupWelcomeTemplateRequest): Promise<string> {
    return (await this.post<{ template_id: string }>('externalcontact/group_welcome_template/add', `${EC}/group_welcome_template/add`, req)).template_id;
  }
  getGroupWelcomeTemplate(templateId: string): Promise<G.GroupWelcomeContent> {
    return this.post('externalcontact/group_welcome_template/get', `${EC}/group_welcome_template/get`, { template_id: templateId });
  }
  async editGroupWelcomeTemplate(req: G.EditGroupWelcomeTemplateRequest): Promise<void> {
    await this.post<Ok>('externalcontact/group_welcome_template/edit', `${EC}/group_welcome_template/edit`, req);
  }
  async deleteGroupWelcomeTemplate(templateId: string, agentId?: number): Promise<void> {
    await this.post<Ok>('externalcontact/group_welcome_template/del', `${EC}/group_welcome_template/del`, { template_id: templateId, ...(agentId ? { agentid: agentId } : {}) });
  }
}
