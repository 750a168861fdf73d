// 通讯录: staff (with their relation to the person), groups and Official Accounts, and their cards.
import { scan } from './screens-discover.js';
import { act, state } from './state.js';
import { api, avatar, el, row } from './ui.js';

function relationBadge(s) {
  if (s.blocked) return ['已拉黑', 'bad'];
  return { active: ['好友', 'ok'], half: ['待员工确认', 'warn'], requested: ['已申请', 'warn'] }[s.relation] ?? null;
}

export function contactsScreen() {
  const v = state.view;
  const groups = v.chats.filter((c) => c.kind === 'group');
  return [
    v.corps.map((corp) => [
      el('div', { class: 'group-title' }, `企业微信联系人 · ${corp.name}`),
      el('div', { class: 'group' }, corp.staff.map((s) => {
        const [badge, badgeClass] = relationBadge(s) ?? [];
        return row({ img: s.avatar, title: s.name, tag: `@${corp.name}`, tagClass: 'wecom', badge, badgeClass, sub: s.position, onclick: () => (location.hash = `#/staff/${corp.corpid}/${s.userid}`), test: `staff-${s.userid}` });
      })),
    ]),
    el('div', { class: 'group-title' }, '群聊'),
    groups.length ? el('div', { class: 'group' }, groups.map((g) => row({ img: g.avatar, title: g.title, sub: g.subtitle, onclick: () => (location.hash = `#/chat/${g.id}`) }))) : el('div', { class: 'note' }, '还没有加入群聊'),
    el('div', { class: 'group-title' }, '公众号'),
    el('div', { class: 'group' }, v.oas.map((o) => row({ img: o.avatar, title: o.name, badge: o.following ? '已关注' : '未关注', badgeClass: o.following ? 'ok' : '', onclick: () => (location.hash = `#/oa/${o.appid}`), test: `oa-${o.appid}` }))),
  ];
}

export async function staffScreen(corpid, userid) {
  const corp = state.view.corps.find((c) => c.corpid === corpid);
  const s = corp?.staff.find((x) => x.userid === userid);
  if (!s) return { title: '详细资料', back: '#/contacts', body: el('div', { class: 'empty' }, '没有这位员工') };
  state.codes ??= await api('GET', '/phone/codes');
  const ways = state.codes.contactWays.filter((w) => w.corpid === corpid && w.staff.includes(s.name));
  const body = [
    el('div', { class: 'card' }, avatar(s.avatar, 'avatar big'), el('div', { class: 'card-main' }, el('div', { class: 'card-name' }, s.name), el('div', { class: 'card-sub' }, `${s.position} · @${corp.name}`))),
  ];
  const buttons = el('div', { class: 'btn-col' });
  if (s.relation === 'active' || s.relation === 'half') {
    buttons.append(el('button', { type: 'button', class: 'btn', onclick: () => (location.hash = `#/chat/staff:${corpid}:${userid}`) }, '发消息'));
    buttons.append(el('button', { type: 'button', class: 'btn danger', 'data-test': 'delete-staff', onclick: () => act('delete-staff', { corpid, userid }) }, '删除联系人'));
  } else if (!s.blocked) {
    body.push(el('div', { class: 'group-title' }, ways.length ? '扫描员工的「联系我」二维码添加' : '这位员工还没有「联系我」二维码'));
    if (ways.length) body.push(el('div', { class: 'group' }, ways.map((w) => row({ img: el('img', { class: 'qr-thumb', src: w.qrImage, alt: '' }), title: w.remark || w.configId, sub: w.state ? `state: ${w.state}` : '无 state', onclick: () => scan({ qr_url: w.qrContent }), test: `way-${w.configId}` }))));
  }
  buttons.append(s.blocked
    ? el('button', { type: 'button', class: 'btn light', onclick: () => act('unblock', { corpid, userid }) }, '取消拉黑')
    : el('button', { type: 'button', class: 'btn danger', 'data-test': 'block-staff', onclick: () => act('block', { corpid, userid }, { say: '已加入黑名单' }) }, '加入黑名单'));
  body.push(buttons);
  return { title: '详细资料', back: '#/contacts', body };
}

export function oaScreen(appid) {
  const o = state.view.oas.find((x) => x.appid === appid);
  if (!o) return { title: '公众号', back: '#/contacts', body: el('div', { class: 'empty' }, '没有这个公众号') };
  return {
    title: o.name,
    back: '#/contacts',
    body: [
      el('div', { class: 'card' }, avatar(o.avatar, 'avatar big'), el('div', { class: 'card-main' }, el('div', { class: 'card-name' }, o.name), el('div', { class: 'card-sub' }, `公众号 · ${o.appid}`))),
      el('div', { class: 'btn-col' },
        o.following
          ? [
              el('button', { type: 'button', class: 'btn', onclick: () => (location.hash = `#/chat/oa:${appid}`) }, '进入公众号'),
              el('button', { type: 'button', class: 'btn light', onclick: () => act('oa-refuse-templates', { appid, refuse: !o.refuseTemplates }) }, o.refuseTemplates ? '开启模板消息' : '关闭模板消息'),
              el('button', { type: 'button', class: 'btn danger', 'data-test': 'oa-unfollow', onclick: () => act('oa-unfollow', { appid }) }, '不再关注'),
            ]
          : el('button', { type: 'button', class: 'btn', 'data-test': 'oa-follow', onclick: async () => (await act('oa-follow', { appid })) && (location.hash = `#/chat/oa:${appid}`) }, '关注公众号')),
    ],
  };
}
