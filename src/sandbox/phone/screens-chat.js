// 微信: the chat list and one chat (staff, group or Official Account) with its menu and composer.
import { messageList, preview } from './bubbles.js';
import { OUTCOMES, act, state } from './state.js';
import { el, row, sheet, timeOf, toast, yuan } from './ui.js';

export function chatsScreen() {
  const chats = state.view.chats;
  if (!chats.length) return el('div', { class: 'empty' }, '还没有聊天', el('br'), '去「发现」扫一扫员工、群或公众号的二维码');
  return el('div', { class: 'group' }, chats.map((c) => row({
    img: c.avatar, title: c.title, tag: c.kind === 'staff' ? c.subtitle : c.kind === 'oa' ? '公众号' : null, tagClass: 'wecom',
    sub: preview(c), side: c.messages.length ? timeOf(c.messages.at(-1).at) : '', onclick: () => (location.hash = `#/chat/${c.id}`), test: `chat-${c.id}`,
  })));
}

function chatActions(c) {
  if (c.kind === 'staff') {
    const items = [['查看资料', () => (location.hash = `#/staff/${c.corpid}/${c.userid}`)]];
    if (c.relation === 'active') items.push(['模拟聊天（之后欢迎语会失败）', () => act('chat', { corpid: c.corpid, userid: c.userid, external_userid: state.view.person.corps.find((x) => x.corpid === c.corpid)?.externalUserId }, { asPerson: false })]);
    return items;
  }
  if (c.kind === 'group') return [['退出群聊', () => act('quit-group', { corpid: c.corpid, chat_id: c.chatId }), 'danger']];
  return [['公众号资料', () => (location.hash = `#/oa/${c.appid}`)], c.relation === 'following' ? ['不再关注', () => act('oa-unfollow', { appid: c.appid }), 'danger'] : ['关注公众号', () => act('oa-follow', { appid: c.appid })]];
}

export function chatScreen(id) {
  const c = state.view.chats.find((x) => x.id === id);
  if (!c) return { title: '聊天', back: '#/chats', body: el('div', { class: 'empty' }, '没有这个聊天') };
  const onRedpack = async (p) => {
    if (p.status !== 'SENT') return toast(p.status === 'RECEIVED' ? '红包已领取' : '红包不可领取');
    const r = await act('open-redpack', { mch_id: p.mchId, mch_billno: p.billno }, { quiet: true });
    if (r) toast(r.outcome === 'received' ? `已领取 ${yuan(r.amount)}` : OUTCOMES[r.outcome] ?? r.outcome);
  };
  const list = messageList(c, { me: state.view.person.avatar, them: c.avatar, onRedpack });
  let composer = null;
  if (c.kind === 'oa') {
    const input = el('input', { type: 'text', placeholder: c.relation === 'following' ? '发消息给公众号' : '关注后才能发消息', disabled: c.relation !== 'following', 'data-test': 'oa-input' });
    const send = async () => {
      if (!input.value.trim()) return;
      await act('oa-message', { appid: c.appid, content: input.value.trim() }, { quiet: true });
    };
    input.onkeydown = (e) => e.key === 'Enter' && send();
    composer = el('div', { class: 'composer' }, input, el('button', { type: 'button', class: 'btn small', onclick: send, disabled: c.relation !== 'following' }, '发送'));
  } else if (c.kind === 'staff' && c.relation !== 'active') {
    composer = el('div', { class: 'composer' }, el('div', { class: 'hint' }, c.relation === 'requested' ? '等待对方通过你的好友申请' : c.relation === 'half' ? '对方尚未确认添加' : '你们已不是好友'));
  }
  const title = `${c.title}${c.kind === 'group' ? `（${c.subtitle.split(' ')[0]}）` : ''}`;
  requestAnimationFrame(() => (list.scrollTop = list.scrollHeight));
  return { title, chat: true, back: '#/chats', more: () => sheet(chatActions(c)), body: [list, composer] };
}
