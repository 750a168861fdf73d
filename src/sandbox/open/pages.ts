// The authorize page's HTML: WeChat's error page, and the sandbox's "who are you?" picker (the real
// WeChat knows who is holding the phone; the sandbox asks). Nicknames are escaped text.
import { esc } from '../html.ts';
import type { Person } from '../store/model.ts';

const STYLE = `body{margin:0;font:15px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#ededed;color:#111}
main{max-width:480px;margin:0 auto;padding:24px 16px}h1{font-size:18px;font-weight:600;margin:8px 0 4px}
.sub{color:#888;font-size:13px;margin-bottom:16px}.err{background:#fff;border-radius:8px;padding:32px 16px;text-align:center}
.err b{display:block;font-size:17px;margin-bottom:8px}ul{list-style:none;margin:0;padding:0;background:#fff;border-radius:8px;overflow:hidden}
li a{display:flex;align-items:center;gap:12px;padding:10px 14px;color:inherit;text-decoration:none;border-bottom:1px solid #f0f0f0}
li img{width:40px;height:40px;border-radius:4px;flex:none}li span{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
li small{color:#999;margin-left:auto;flex:none}.new{display:block;margin:16px 0;padding:12px;text-align:center;background:#07c160;color:#fff;border-radius:8px;text-decoration:none;font-weight:600}`;

const page = (title: string, body: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;

export function errorPage(message: string, code?: number): string {
  return page('微信授权', `<div class="err"><b>${esc(message)}</b>${code ? `<span class="sub">错误码：${code}</span>` : ''}</div>`);
}

export interface PickerInput {
  oaName: string;
  scope: string;
  people: { person: Person; avatar: string }[];
  /** URL of this page plus `as=`, to which a person id is appended. */
  choose: (as: string) => string;
  notFound?: string;
}

export function pickerPage(p: PickerInput): string {
  const what = p.scope === 'snsapi_userinfo' ? '获取你的昵称、头像' : '获取你的身份标识（静默授权）';
  const items = p.people
    .map(({ person, avatar }) => `<li><a href="${esc(p.choose(person.id))}"><img src="${esc(avatar)}" alt=""><span>${esc(person.nickname)}</span><small>${esc(person.id)}</small></a></li>`)
    .join('');
  return page(
    '选择身份',
    `<h1>${esc(p.oaName)} 申请${esc(what)}</h1><div class="sub">沙箱：请选择你扮演的微信用户</div>` +
      (p.notFound ? `<div class="sub">找不到用户 ${esc(p.notFound)}</div>` : '') +
      `<a class="new" href="${esc(p.choose('new'))}">以新用户身份继续</a><ul>${items}</ul>`,
  );
}
