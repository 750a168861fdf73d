// Wire shapes of media uploads, corp customer tags and app messages (reference §3.5, §5).

export type MediaType = 'image' | 'voice' | 'video' | 'file';

export interface UploadMediaResponse {
  type: string;
  /** Valid 3 days, shared by the corp's apps. */
  media_id: string;
  /** Unix seconds, as a string. */
  created_at: string;
}

export interface UploadImageResponse {
  /** Permanent URL usable as pic_url. */
  url: string;
}

export interface CorpTag {
  id: string;
  name: string;
  create_time: number;
  order: number;
  deleted?: boolean;
}

export interface CorpTagGroup {
  group_id: string;
  group_name: string;
  create_time: number;
  order: number;
  deleted?: boolean;
  tag: CorpTag[];
}

export interface GetCorpTagListRequest {
  tag_id?: string[];
  group_id?: string[];
}

export interface AddCorpTagRequest {
  group_id?: string;
  /** An existing name adds the tags to that group. */
  group_name?: string;
  order?: number;
  tag: Array<{ name: string; order?: number }>;
  agentid?: number;
}

export interface MarkTagRequest {
  userid: string;
  external_userid: string;
  add_tag?: string[];
  remove_tag?: string[];
}

type AppMessageBody =
  | { msgtype: 'text'; text: { content: string } }
  | { msgtype: 'markdown'; markdown: { content: string } }
  | { msgtype: 'image'; image: { media_id: string } }
  | { msgtype: 'textcard'; textcard: { title: string; description: string; url: string; btntxt?: string } }
  | { msgtype: 'news'; news: { articles: Array<{ title: string; description?: string; url?: string; picurl?: string }> } };

export type SendAppMessageRequest = AppMessageBody & {
  /** `|`-separated userids (≤ 1000) or `@all`. */
  touser?: string;
  toparty?: string;
  totag?: string;
  agentid: number;
  safe?: 0 | 1;
  enable_id_trans?: 0 | 1;
  enable_duplicate_check?: 0 | 1;
  duplicate_check_interval?: number;
};

export interface SendAppMessageResponse {
  invaliduser?: string;
  invalidparty?: string;
  invalidtag?: string;
  unlicenseduser?: string;
  msgid: string;
  response_code?: string;
}

/** `user/get` (directory); fields beyond these vary with the app's permissions. */
export interface WeComUser {
  userid: string;
  name: string;
  department?: number[];
  position?: string;
  gender?: string;
  avatar?: string;
  status?: number;
}
