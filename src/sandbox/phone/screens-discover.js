// 发现: scanning (a pasted link, a photo, an image URL, or a code listed from the sandbox) and opening
// H5 pages as the person.
import { act, state } from './state.js';
import { api, closeBrowser, el, onRecogniseQr, openBrowser, readFile, row, setPersonCookie } from './ui.js';

export async function scan(body) {
  state.scanUrl = '';
  const r = await act('scan', body);
  if (!r) return;
  // A QR holding a web address (a poster's help link) opens in WeChat's browser, as the person.
  if (r.kind === 'web_page') {
    setPersonCookie(state.personId);
    return openBrowser(r.url);
  }
  const positive = ['added', 'half_added', 'requested', 'already_friend', 'pending', 'joined', 'already_member', 'subscribed', 'scanned', 'already_following'];
  if (!positive.includes(r.outcome)) return;
  // Recognised from a page (long-press): WeChat leaves the page for the chat it leads to.
  closeBrowser();
  if (r.kind === 'contact_way') location.hash = `#/chat/staff:${r.corpid}:${r.userid}`;
  else if (r.kind === 'join_way') location.hash = `#/chat/group:${r.corpid}:${r.chat_id}`;
  else location.hash = `#/chat/oa:${r.appid}`;
}

onRecogniseQr((src) => scan({ qr_image_url: src }));

const wayLabel = (w) => [w.remark, w.state && `state ${w.state}`].filter(Boolean).join(' · ') || '无备注';

export async function discoverScreen() {
  state.codes = await api('GET', '/phone/codes');
  // A QR link opened in the browser (`?scan=`) waits here until it is scanned.
  const url = el('input', { type: 'text', placeholder: '粘贴二维码链接', value: state.scanUrl, 'data-test': 'scan-url' });
  const imageUrl = el('input', { type: 'url', placeholder: '二维码图片地址（海报等）', 'data-test': 'scan-image-url' });
  const file = el('input', { type: 'file', accept: 'image/*', 'data-test': 'scan-file', onchange: async () => file.files[0] && scan({ qr_image: await readFile(file.files[0]) }) });
  const h5 = el('input', { type: 'url', placeholder: 'https://… H5 活动页', 'data-test': 'h5-url' });
  const { contactWays, joinWays, oaCodes } = state.codes;
  const codeRow = (img, title, sub, qrUrl, test) => row({ img: el('img', { class: 'qr-thumb', src: img, alt: '' }), title, sub, side: '扫码', onclick: () => scan({ qr_url: qrUrl }), test });
  return [
    el('div', { class: 'group-title' }, '扫一扫'),
    el('div', { class: 'form' }, url, el('button', { type: 'button', class: 'btn', 'data-test': 'scan-go', onclick: () => url.value.trim() && scan({ qr_url: url.value.trim() }) }, '扫描')),
    el('div', { class: 'form' }, imageUrl, el('button', { type: 'button', class: 'btn light', 'data-test': 'scan-image-go', onclick: () => imageUrl.value.trim() && scan({ qr_image_url: imageUrl.value.trim() }) }, '识别')),
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
