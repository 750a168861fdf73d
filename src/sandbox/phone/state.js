// The phone's state: who is holding it, what the sandbox last said about them, and running a
// sandbox action as them (with a toast saying what happened, then a fresh render).
import { ApiError, PERSON_KEY as STORE_KEY, api, closeBrowser, setPersonCookie, toast } from './ui.js';
import { switchWebStorage } from './web-storage.js';

export const state = { personId: localStorage.getItem(STORE_KEY), view: null, codes: null, scanUrl: '' };

export const OUTCOMES = {
  added: '已添加为联系人', half_added: '已添加（待员工确认）', requested: '已发送好友申请，等待员工通过', already_friend: '你们已经是好友',
  pending: '好友申请等待通过中', blocked: '你已拉黑该员工', expired: '二维码已过期', joined: '已加入群聊', already_member: '你已在群聊中',
  group_full: '群聊已满，无法加入', subscribed: '已关注公众号', scanned: '已关注，扫码事件已推送', already_following: '已关注该公众号',
  unsubscribed: '已取消关注', not_following: '尚未关注', deleted: '已删除联系人', not_friend: '你们不是好友', unblocked: '已取消拉黑',
  left: '已退出群聊', not_member: '你不在群聊中', sent: '已发送', chatted: '已模拟聊天', received: '已领取红包', already_received: '红包已领取',
  sending: '红包发放中', refused: '已关闭模板消息', allowed: '已开启模板消息', confirmed: '员工已确认添加',
};

/** Runs a sandbox action as the current person and says what happened (or `say`). */
export async function act(name, body, { quiet, say, asPerson = true } = {}) {
  try {
    const r = await api('POST', `/actions/${name}`, asPerson ? { person_id: state.personId, ...body } : body);
    const n = r.deliveries?.length ?? 0;
    // Opening a scanned web page needs no toast: the page itself shows.
    if (!quiet && r.outcome !== 'opened') toast(`${say ?? OUTCOMES[r.outcome] ?? r.outcome}${n ? `\n已推送回调 ${n} 条` : ''}`);
    await redraw();
    return r;
  } catch (e) {
    toast(e instanceof ApiError ? e.message : '操作失败');
    return null;
  }
}

/** After an action: the screen as the sandbox now has it (a failed read leaves it for the next poll). */
export async function redraw() {
  await refresh().catch(() => undefined);
  await rerender();
}

export async function refresh() {
  if (!state.personId) return;
  try {
    state.view = await api('GET', `/phone/people/${encodeURIComponent(state.personId)}`);
  } catch (e) {
    // Only a person the sandbox no longer has is forgotten: a dropped request (a poll cut off by
    // leaving the page, a busy server) keeps who holds the phone.
    if (!(e instanceof ApiError && e.status === 404)) throw e;
    state.personId = null;
    localStorage.removeItem(STORE_KEY);
    location.hash = '#/who';
  }
}

export function choose(personId, next = state.scanUrl ? '#/discover' : '#/chats') {
  if (state.personId !== personId) {
    closeBrowser();
    switchWebStorage(state.personId, personId);
  }
  state.personId = personId;
  state.view = null;
  localStorage.setItem(STORE_KEY, personId);
  setPersonCookie(personId);
  if (location.hash === next) rerender().catch((e) => toast(e.message));
  else location.hash = next;
}

/** Set by the router: draws the current screen again. */
let renderer = async () => {};
export const onRender = (fn) => (renderer = fn);
export const rerender = () => renderer();
