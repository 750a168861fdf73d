// 我 and 选择微信用户: who the person is (ids per corp and account), switching or creating people, and
// the staff side (confirm group-sends, accept friend requests) with the recent callbacks.
import { choose, redraw, state } from './state.js';
import { api, avatar, el, row, timeOf, toast } from './ui.js';

export async function whoScreen() {
  const { total } = await api('GET', '/people?limit=1');
  const { people } = await api('GET', `/people?offset=${Math.max(0, total - 100)}&limit=100`);
  const nickname = el('input', { type: 'text', placeholder: '昵称（留空随机生成）', maxlength: 60, 'data-test': 'new-nickname' });
  const create = async () => {
    const person = nickname.value.trim() ? { nickname: nickname.value.trim() } : undefined;
    const r = await api('POST', '/people', { count: 1, ...(person ? { person } : {}) });
    choose(r.people[0].id);
  };
  return [
    el('div', { class: 'group-title' }, '沙箱：你要扮演哪位微信用户？'),
    el('div', { class: 'form' }, nickname, el('button', { type: 'button', class: 'btn', onclick: create, 'data-test': 'create-person' }, '新建用户')),
    el('div', { class: 'group' }, people.reverse().map((p) => row({ img: p.avatar, title: p.nickname, sub: p.id, onclick: () => choose(p.id), test: `person-${p.id}` }))),
    people.length ? null : el('div', { class: 'empty' }, '还没有用户，新建一个吧'),
  ];
}

export async function meScreen() {
  const p = state.view.person;
  const [tasks, { deliveries }] = await Promise.all([api('GET', '/phone/staff-tasks'), api('GET', '/deliveries?limit=12')]);
  const kv = (k, v) => el('div', { class: 'kv' }, el('b', {}, k), el('span', {}, v));
  const confirm = async (t) => {
    try {
      const r = await api('POST', '/actions/confirm-mass-send', { corpid: t.corpid, msgid: t.msgid, userid: t.userid });
      toast(`已发送 ${r.delivered.length} 个${r.limited.length ? `，${r.limited.length} 个超出今日上限` : ''}`);
    } catch (e) {
      toast(e.message);
    }
    await redraw();
  };
  const accept = async (q) => {
    try {
      await api('POST', `/actions/${q.status === 'half' ? 'confirm-half-add' : 'accept-request'}`, { corpid: q.corpid, userid: q.userid, external_userid: q.externalUserId });
      toast('已通过');
    } catch (e) {
      toast(e.message);
    }
    await redraw();
  };
  const STATUS = { delivered: ['已送达', 'ok'], failed: ['失败', 'bad'], sending: ['发送中', 'warn'], queued: ['排队', 'warn'], held: ['暂扣', 'warn'], dropped: ['已丢弃', 'bad'], no_url: ['未配置地址', ''] };
  return [
    el('div', { class: 'card' }, avatar(p.avatar, 'avatar big'), el('div', { class: 'card-main' }, el('div', { class: 'card-name', 'data-test': 'me-nickname' }, p.nickname), el('div', { class: 'card-sub' }, `${p.id} · ${p.province} ${p.city}`))),
    kv('unionid', p.unionid),
    p.corps.map((c) => kv('external_userid', c.externalUserId)),
    p.oas.map((o) => kv('openid', o.openid)),
    el('div', { class: 'btn-col' }, el('button', { type: 'button', class: 'btn light', onclick: () => (location.hash = '#/who') }, '切换用户')),
    el('div', { class: 'group-title' }, '员工端：待确认的群发'),
    tasks.massSends.length
      ? el('div', { class: 'group' }, tasks.massSends.map((t) => row({ title: `${t.staffName} · ${t.chatType === 'group' ? '群聊群发' : '客户群发'}`, sub: `${t.text || `${t.attachments} 个附件`} · ${t.targets} 个对象`, side: '确认发送', onclick: () => confirm(t), test: `mass-${t.msgid}` })))
      : el('div', { class: 'note' }, '没有待确认的群发'),
    el('div', { class: 'group-title' }, '员工端：待通过的好友'),
    tasks.requests.length
      ? el('div', { class: 'group' }, tasks.requests.map((q) => row({ title: `${q.nickname} → ${q.staffName}`, sub: q.status === 'half' ? '已添加，待员工确认' : '申请添加好友', side: '通过', onclick: () => accept(q) })))
      : el('div', { class: 'note' }, '没有待通过的好友申请'),
    el('div', { class: 'group-title' }, '最近的回调'),
    deliveries.length
      ? el('div', { class: 'group' }, deliveries.reverse().map((d) => {
          const [badge, badgeClass] = STATUS[d.status] ?? [d.status, ''];
          return row({ title: d.kind, badge, badgeClass, sub: `${d.corpid ?? d.appid} · 尝试 ${d.attempts.length} 次`, side: timeOf(d.createTime) });
        }))
      : el('div', { class: 'note' }, '还没有回调'),
  ];
}
