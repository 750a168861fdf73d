// Chat messages as WeChat draws them: text, images, link and mini-program cards, template messages,
// red packets and WeChat's own notices. Every string is set as text.
import { avatar, dayOf, el, openBrowser, timeOf, yuan } from './ui.js';

const REDPACK_STATUS = { SENT: '', RECEIVED: '已领取', REFUND: '已过期，已退回', SENDING: '发放中', FAILED: '发放失败', RFUND_ING: '退款中' };

function part(p, onRedpack) {
  switch (p.type) {
    case 'text':
      return el('div', { class: 'bubble' }, p.text);
    case 'image':
      return el('div', { class: 'bubble media' }, el('img', { src: p.url, alt: '图片' }));
    case 'link':
      return el('button', { type: 'button', class: 'link-card', onclick: () => p.url && openBrowser(p.url) },
        el('b', {}, p.title),
        el('div', { class: 'lc-row' }, el('span', {}, p.desc || p.url), p.picurl ? el('img', { src: p.picurl, alt: '' }) : null));
    case 'miniprogram':
      return el('div', { class: 'link-card' },
        el('b', {}, p.title),
        p.picurl ? el('img', { class: 'mp-pic', src: p.picurl, alt: '' }) : null,
        el('small', {}, `小程序 · ${p.appid} · ${p.page}`));
    case 'template':
      return el('div', { class: 'tpl' }, el('b', {}, p.title), el('p', {}, p.text), p.url ? el('a', { href: p.url, onclick: (e) => (e.preventDefault(), openBrowser(p.url)) }, '详情') : null);
    case 'redpack': {
      const status = REDPACK_STATUS[p.status] ?? p.status;
      return el('button', { type: 'button', class: `redpack ${status ? 'done' : ''}`, 'data-test': 'redpack', onclick: () => onRedpack(p) },
        el('div', { class: 'rp-top' }, el('div', { class: 'rp-icon' }), el('div', {}, el('div', {}, p.wishing), el('small', {}, status || `${p.actName} · ${yuan(p.amount)}`))),
        el('div', { class: 'rp-bottom' }, `微信红包 · ${p.sendName}`));
    }
    default:
      return el('div', { class: 'bubble' }, p.name || '[消息]');
  }
}

/** The message list of one chat; `me` and `them` are avatar URLs. */
export function messageList(chat, { me, them, onRedpack }) {
  const box = el('div', { class: 'messages', id: 'messages' });
  let lastAt = 0;
  for (const m of chat.messages) {
    if (m.at - lastAt > 300) box.append(el('div', { class: 'time' }, `${dayOf(m.at)} ${timeOf(m.at)}`));
    lastAt = m.at;
    if (m.dir === 'system') {
      box.append(el('div', { class: 'system' }, m.parts.map((p) => p.text).join(' ')));
      continue;
    }
    box.append(el('div', { class: `msg ${m.dir}` },
      avatar(m.dir === 'out' ? me : them),
      el('div', { class: 'msg-body' }, m.sender ? el('div', { class: 'sender' }, m.sender) : null, m.parts.map((p) => part(p, onRedpack)))));
  }
  if (!chat.messages.length) box.append(el('div', { class: 'empty' }, chat.kind === 'oa' ? '还没有消息' : '还没有收到消息'));
  return box;
}

export function preview(chat) {
  const m = chat.messages.at(-1);
  if (!m) return chat.kind === 'staff' && chat.relation === 'requested' ? '好友申请已发送' : chat.kind === 'group' ? chat.subtitle : '';
  const p = m.parts[0] ?? {};
  const text = { text: p.text, image: '[图片]', link: `[链接] ${p.title}`, miniprogram: `[小程序] ${p.title}`, template: p.title, redpack: `[微信红包] ${p.wishing}` }[p.type];
  return `${m.sender ? `${m.sender}: ` : ''}${text ?? '[消息]'}`;
}
