// Small helpers of the phone page: DOM building (strings always become text nodes, never markup),
// the sandbox API, toasts, the action sheet and the in-phone browser.

import { settleWebStorage, watchWebStorage } from './web-storage.js';

export const base = document.body.dataset.base || '';
/** Where the phone remembers who holds it. */
export const PERSON_KEY = 'fission-sandbox-phone-person';
const personCookie = document.body.dataset.cookie || 'fission_sandbox_person';

/** el('div', { class: 'x', onclick: fn }, child, 'text', …): strings are appended as text. */
export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) if (c !== undefined && c !== null && c !== false) e.append(c instanceof Node ? c : String(c));
  return e;
}

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

export async function api(method, path, body) {
  const res = await fetch(`${base}/sandbox-api${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(json.error?.message || `HTTP ${res.status}`, res.status);
  return json;
}

let toastTimer;
export function toast(text) {
  const t = document.getElementById('toast');
  t.textContent = text;
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (t.hidden = true), 2200);
}

/** An action sheet of [label, fn, 'danger'?] entries. */
export function sheet(items) {
  const back = document.getElementById('sheet');
  const body = document.getElementById('sheet-body');
  const close = () => (back.hidden = true);
  body.replaceChildren(
    ...items.map(([label, fn, kind]) => el('button', { type: 'button', class: kind, onclick: () => (close(), fn()) }, label)),
    el('button', { type: 'button', class: 'cancel', onclick: close }, '取消'),
  );
  back.onclick = (e) => e.target === back && close();
  back.hidden = false;
}

/** Who holds the phone, for the sandbox's OAuth page (and so for H5 pages that ask for it). */
export function setPersonCookie(personId) {
  document.cookie = `${personCookie}=${encodeURIComponent(personId)}; path=${base || '/'}; SameSite=Lax`;
}

/** Opens an H5 link inside the phone, as WeChat's built-in browser does. */
export function openBrowser(url) {
  const box = document.getElementById('browser');
  let title = url;
  try {
    title = new URL(url, location.href).host;
  } catch {}
  document.getElementById('browser-title').textContent = title;
  document.getElementById('browser-tab').href = url;
  // A fresh frame each time, removed on close, so its navigations leave no history behind.
  const frame = el('iframe', { id: 'browser-frame', title: '网页', src: url });
  box.querySelector('iframe')?.remove();
  box.append(frame);
  frame.addEventListener('load', () => offerQrRecognition(frame));
  watchWebStorage();
  document.getElementById('browser-close').onclick = closeBrowser;
  box.hidden = false;
}

export function closeBrowser() {
  settleWebStorage(localStorage.getItem(PERSON_KEY));
  const box = document.getElementById('browser');
  box.hidden = true;
  box.querySelector('iframe')?.remove();
}

/** Set by the scanner: what 识别图中二维码 does with an image's address. */
let recognise = () => {};
export const onRecogniseQr = (fn) => (recognise = fn);

// WeChat's long-press on an image in a page offers 识别图中二维码 (how a friend adds the staff shown
// on a help page). The phone can only reach into pages of its own origin; others keep the
// Discover screen's "image address" field.
function offerQrRecognition(frame) {
  let doc;
  try {
    doc = frame.contentDocument;
  } catch {
    return;
  }
  doc?.addEventListener('contextmenu', (e) => {
    const img = e.target instanceof frame.contentWindow.HTMLImageElement ? e.target : null;
    if (!img?.currentSrc) return;
    e.preventDefault();
    sheet([['识别图中二维码', () => recognise(img.currentSrc)]]);
  });
}

const clock = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
const day = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' });
export const timeOf = (sec) => clock.format(new Date(sec * 1000));
export const dayOf = (sec) => day.format(new Date(sec * 1000));
export const yuan = (fen) => `¥${(fen / 100).toFixed(2)}`;

export const avatar = (src, cls = 'avatar') => el('img', { class: cls, src, alt: '' });

/** A list row: avatar, title (+ tag), subtitle, side text. */
export function row({ img, title, tag, tagClass, badge, badgeClass, sub, side, onclick, test }) {
  return el(
    'button',
    { type: 'button', class: 'row', onclick, 'data-test': test },
    img ? (img instanceof Node ? img : avatar(img)) : null,
    el('div', { class: 'row-main' },
      el('div', { class: 'row-title' }, el('span', { class: 'name' }, title), tag ? el('span', { class: `tag ${tagClass || ''}` }, tag) : null, badge ? el('span', { class: `badge ${badgeClass || ''}` }, badge) : null),
      sub ? el('div', { class: 'row-sub' }, sub) : null),
    side ? el('div', { class: 'row-side' }, side) : null,
  );
}

/** Reads a picked file as a data: URL (for scanning a photo of a code). */
export function readFile(file) {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result);
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}
