// The sandbox phone page: plays one simulated WeChat user (and, under 我, the staff side). Screens
// are addressed by the URL hash (#/chats, #/chat/<id>, #/contacts, #/staff/<corp>/<user>,
// #/oa/<appid>, #/discover, #/me, #/who); all data comes from the sandbox API.
import { chatScreen, chatsScreen } from './screens-chat.js';
import { contactsScreen, oaScreen, staffScreen } from './screens-contacts.js';
import { discoverScreen } from './screens-discover.js';
import { meScreen, whoScreen } from './screens-me.js';
import { choose, onRender, refresh, state } from './state.js';
import { api, setPersonCookie, toast } from './ui.js';
import { settleWebStorage } from './web-storage.js';

const $ = (id) => document.getElementById(id);

const TABS = { chats: ['微信', chatsScreen], contacts: ['通讯录', contactsScreen], discover: ['发现', discoverScreen], me: ['我', meScreen] };

let renderSeq = 0;

async function render() {
  // Renders overlap (hash changes, polling, actions): only the latest one may draw.
  const seq = ++renderSeq;
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
  if (seq !== renderSeq) return;
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
  if (document.hidden || !state.personId) return;
  // No code to scan yet (the service makes a campaign's code moments after publishing): show it when it comes.
  if (name === 'discover' && state.codes && !Object.values(state.codes).some((list) => list.length)) {
    const codes = await api('GET', '/phone/codes');
    if (Object.values(codes).some((list) => list.length)) await render();
    return;
  }
  if (!['chats', 'chat'].includes(name)) return;
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

onRender(render);
const params = new URLSearchParams(location.search);
state.scanUrl = params.get('scan') ?? '';
// `?as=<personId>` picks the person (keeping the screen in the hash, if any).
if (params.get('as')) choose(params.get('as'), location.hash.length > 2 && location.hash !== '#/who' ? location.hash : undefined);
else if (state.personId) setPersonCookie(state.personId);
if (state.scanUrl && state.personId) location.hash = '#/discover';
window.addEventListener('hashchange', () => render().catch((e) => toast(e.message)));
window.addEventListener('pagehide', () => settleWebStorage(state.personId));
render().catch((e) => toast(e.message));
setInterval(() => poll().catch(() => {}), 2000);
