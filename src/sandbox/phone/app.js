// The sandbox phone page: plays one simulated WeChat user (and, under 我, the staff side). Screens
// are addressed by the URL hash (#/chats, #/chat/<id>, #/contacts, #/staff/<corp>/<user>,
// #/oa/<appid>, #/discover, #/me, #/who); all data comes from the sandbox API.
import { messageList, preview } from './bubbles.js';
import { ApiError, api, avatar, el, openBrowser, readFile, row, setPersonCookie, sheet, timeOf, toast, yuan } from './ui.js';

const STORE_KEY = 'fission-sandbox-phone-person';
const $ = (id) => document.getElementById(id);
const state = { personId: localStorage.getItem(STORE_KEY), view: null, codes: null, scanUrl: '' };

const OUTCOMES = {
  added: '已添加为联系人', half_added: '已添加（待员工确认）', requested: '已发送好友申请，等待员工通过', already_friend: '你们已经是好友',
  pending: '好友申请等待通过中', blocked: '你已拉黑该员工', expired: '二维码已过期', joined: '已加入群聊', already_member: '你已在群聊中',
  group_full: '群聊已满，无法加入', subscribed: '已关注公众号', scanned: '已关注，扫码事件已推送', already_following: '已关注该公众号',
  unsubscribed: '已取消关注', not_following: '尚未关注', deleted: '已删除联系人', not_friend: '你们不是好友', unblocked: '已取消拉黑',
  left: '已退出群聊', not_member: '你不在群聊中', sent: '已发送', chatted: '已模拟聊天', received: '已领取红包', already_received: '红包已领取',
  sending: '红包发放中', refused: '已关闭模板消息', allowed: '已开启模板消息', confirmed: '员工已确认添加',
};

/** Runs a sandbox action as the current person and says what happened. */
async function act(name, body, { quiet, asPerson = true } = {}) {
  try {
    const r = await api('POST', `/actions/${name}`, asPerson ? { person_id: state.personId, ...body } : body);
    const n = r.deliveries?.length ?? 0;
    if (!quiet) toast(`${OUTCOMES[r.outcome] ?? r.outcome}${n ? `\n已推送回调 ${n} 条` : ''}`);
    await refresh();
    await render();
    return r;
  } catch (e) {
    toast(e instanceof ApiError ? e.message : '操作失败');
    return null;
  }
}

async function refresh() {
  if (!state.personId) return;
  try {
    state.view = await api('GET', `/phone/people/${encodeURIComponent(state.personId)}`);
  } catch {
    state.personId = null;
    localStorage.removeItem(STORE_KEY);
    location.hash = '#/who';
  }
}

function choose(personId, next = state.scanUrl ? '#/discover' : '#/chats') {
  state.personId = personId;
  state.view = null;
  localStorage.setItem(STORE_KEY, personId);
  setPersonCookie(personId);
  if (location.hash === next) render().catch((e) => toast(e.message));
  else location.hash = next;
}

// ---------- screens ----------

async function whoScreen() {
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

function chatsScreen() {
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

function chatScreen(id) {
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

function relationBadge(s) {
  if (s.blocked) return ['已拉黑', 'bad'];
  return { active: ['好友', 'ok'], half: ['待员工确认', 'warn'], requested: ['已申请', 'warn'] }[s.relation] ?? null;
}

function contactsScreen() {
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

async function staffScreen(corpid, userid) {
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
    : el('button', { type: 'button', class: 'btn danger', 'data-test': 'block-staff', onclick: () => act('block', { corpid, userid }) }, '加入黑名单'));
  body.push(buttons);
  return { title: '详细资料', back: '#/contacts', body };
}

function oaScreen(appid) {
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

async function scan(body) {
  const r = await act('scan', body);
  if (!r) return;
  const positive = ['added', 'half_added', 'requested', 'already_friend', 'pending', 'joined', 'already_member', 'subscribed', 'scanned', 'already_following'];
  if (!positive.includes(r.outcome)) return;
  if (r.kind === 'contact_way') location.hash = `#/chat/staff:${r.corpid}:${r.userid}`;
  else if (r.kind === 'join_way') location.hash = `#/chat/group:${r.corpid}:${r.chat_id}`;
  else location.hash = `#/chat/oa:${r.appid}`;
}

const wayLabel = (w) => [w.remark, w.state && `state ${w.state}`].filter(Boolean).join(' · ') || '无备注';

async function discoverScreen() {
  state.codes = await api('GET', '/phone/codes');
  const url = el('input', { type: 'text', placeholder: '粘贴二维码链接', value: state.scanUrl, 'data-test': 'scan-url' });
  state.scanUrl = '';
  const imageUrl = el('input', { type: 'url', placeholder: '二维码图片地址（海报等）', 'data-test': 'scan-image-url' });
  const file = el('input', { type: 'file', accept: 'image/*', 'data-test': 'scan-file', onchange: async () => file.files[0] && scan({ qr_image: await readFile(file.files[0]) }) });
  const h5 = el('input', { type: 'url', placeholder: 'https://… H5 活动页', 'data-test': 'h5-url' });
  const { contactWays, joinWays, oaCodes } = state.codes;
  const codeRow = (img, title, sub, qrUrl, test) => row({ img: el('img', { class: 'qr-thumb', src: img, alt: '' }), title, sub, side: '扫码', onclick: () => scan({ qr_url: qrUrl }), test });
  return [
    el('div', { class: 'group-title' }, '扫一扫'),
    el('div', { class: 'form' }, url, el('button', { type: 'button', class: 'btn', 'data-test': 'scan-go', onclick: () => url.value.trim() && scan({ qr_url: url.value.trim() }) }, '扫描')),
    el('div', { class: 'form' }, imageUrl, el('button', { type: 'button', class: 'btn light', onclick: () => imageUrl.value.trim() && scan({ qr_image_url: imageUrl.value.trim() }) }, '识别')),
    el('div', { class: 'form' }, el('label', { class: 'btn light file' }, '从相册选择二维码图片', file)),
    el('div', { class: 'group-title' }, '在微信内打开网页（带上当前身份）'),
    el('div', { class: 'form' }, h5, el('button', { type: 'button', class: 'btn', 'data-test': 'h5-open', onclick: () => h5.value.trim() && (setPersonCookie(state.personId), openBrowser(h5.value.trim())) }, '打开')),
    el('div', { class: 'group-title' }, '沙箱里可扫的码'),
    contactWays.length + joinWays.length + oaCodes.length === 0 ? el('div', { class: 'note' }, '还没有二维码：先让服务创建「联系我」、加入群聊或公众号带参二维码') : null,
    el('div', { class: 'group' },
      contactWays.map((w) => codeRow(w.qrImage, `联系我 · ${w.staff.join('、') || w.corpName}`, wayLabel(w), w.qrContent, `code-${w.configId}`)),
      joinWays.map((w) => codeRow(w.qrImage, `加入群聊 · ${w.groups.join('、')}`, wayLabel(w), w.qrContent, `code-${w.configId}`)),
      oaCodes.map((q) => codeRow(q.image, `公众号 · ${q.oaName}`, `${q.actionName} · 场景 ${q.scene}`, q.url, `code-${q.scene}`))),
  ];
}

async function meScreen() {
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
    await refresh();
    render();
  };
  const accept = async (q) => {
    try {
      await api('POST', `/actions/${q.status === 'half' ? 'confirm-half-add' : 'accept-request'}`, { corpid: q.corpid, userid: q.userid, external_userid: q.externalUserId });
      toast('已通过');
    } catch (e) {
      toast(e.message);
    }
    await refresh();
    render();
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

// ---------- router ----------

const TABS = { chats: ['微信', chatsScreen], contacts: ['通讯录', contactsScreen], discover: ['发现', discoverScreen], me: ['我', meScreen] };

async function render() {
  const [, name = 'chats', ...args] = location.hash.split('/');
  const view = $('view');
  if (!state.personId && name !== 'who') return void (location.hash = '#/who');
  if (state.personId && !state.view) await refresh();
  let out;
  if (name === 'who') out = { title: '选择微信用户', back: state.personId ? '#/me' : null, body: await whoScreen() };
  else if (name === 'chat') out = chatScreen(decodeURIComponent(args.join('/')));
  else if (name === 'staff') out = await staffScreen(args[0], args[1]);
  else if (name === 'oa') out = oaScreen(args[0]);
  else {
    const [title, screen] = TABS[name] ?? TABS.chats;
    out = { title, body: await screen(), tab: name in TABS ? name : 'chats' };
  }
  $('title').textContent = out.title;
  // Back goes to the screen above, not through history: H5 pages in the in-phone browser add entries.
  $('back').hidden = !out.back;
  $('back').onclick = () => (location.hash = out.back);
  $('more').hidden = !out.more;
  $('more').onclick = out.more ?? null;
  $('tabs').hidden = !out.tab;
  for (const a of $('tabs').querySelectorAll('a')) a.classList.toggle('on', a.dataset.tab === out.tab);
  view.className = out.chat ? 'view chat' : 'view';
  view.replaceChildren(...[out.body].flat(Infinity).filter(Boolean));
}

/** Chats change when the service answers (welcome messages, replies): poll while looking at them. */
async function poll() {
  const name = location.hash.split('/')[1] ?? 'chats';
  if (document.hidden || !state.personId || !['chats', 'chat'].includes(name)) return;
  const before = JSON.stringify(state.view?.chats);
  await refresh();
  if (JSON.stringify(state.view?.chats) !== before) {
    const focused = document.activeElement?.dataset?.test === 'oa-input' ? document.activeElement.value : null;
    await render();
    if (focused !== null) {
      const input = document.querySelector('[data-test=oa-input]');
      input.value = focused;
      input.focus();
    }
  }
}

const params = new URLSearchParams(location.search);
state.scanUrl = params.get('scan') ?? '';
// `?as=<personId>` picks the person (keeping the screen in the hash, if any).
if (params.get('as')) choose(params.get('as'), location.hash.length > 2 && location.hash !== '#/who' ? location.hash : undefined);
else if (state.personId) setPersonCookie(state.personId);
if (state.scanUrl && state.personId) location.hash = '#/discover';
window.addEventListener('hashchange', () => render().catch((e) => toast(e.message)));
render().catch((e) => toast(e.message));
setInterval(() => poll().catch(() => {}), 2000);
