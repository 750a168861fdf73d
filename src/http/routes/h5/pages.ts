// The two participant pages as plain server-rendered HTML (the H5 app will replace them):
//   /h5/c/:campaignId/me?t=…           my progress, prizes and help link (token from the welcome card)
//   /h5/c/:campaignId/help/:inviterCode the "帮TA助力" page with the staff QR to scan
// They call the same use cases as the JSON API (/api/h5), so the rules live in one place.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../../errors.ts';
import type { JobQueue } from '../../../jobs/queue.ts';
import { authenticateParticipant } from '../../../modules/fission/authenticate-participant.ts';
import { getHelpPage } from '../../../modules/fission/get-help-page.ts';
import { getMyPage, type MyPage } from '../../../modules/fission/get-my-page.ts';
import { esc, page } from './html.ts';

const CampaignParams = z.object({ campaignId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const REWARD_STATUS: Record<string, string> = { reserved: '已预留,待领取', claimed: '已填写收货信息', issued: '已发放' };
const STATUS: Record<string, string> = { draft: '未发布', scheduled: '未开始', running: '进行中', ended: '已结束' };

export function h5Pages(db: Db, config: Config, jobs: JobQueue): FastifyPluginAsyncZod {
  const deps = { db, config, jobs };
  return async (app) => {
    app.get('/h5/c/:campaignId/me', {
      schema: { hide: true, params: CampaignParams, querystring: z.object({ t: z.string().max(400).optional() }) },
    }, async (req, reply) => {
      reply.type('text/html; charset=utf-8');
      try {
        const me = await authenticateParticipant(db, req.query.t);
        if (me.campaignId !== req.params.campaignId) throw new AppError('unauthorized', 'this link belongs to another campaign');
        return myPageHtml(await getMyPage(db, config, me));
      } catch (err) {
        if (err instanceof AppError && err.code === 'unauthorized') return reply.status(401).send(page('链接无效', `<h1>链接无效</h1><p>${esc(err.message)}</p>`));
        throw err;
      }
    });

    app.get('/h5/c/:campaignId/help/:inviterCode', {
      schema: { hide: true, params: CampaignParams.extend({ inviterCode: z.string().min(3).max(40) }) },
    }, async (req, reply) => {
      const p = await getHelpPage(deps, req.params.campaignId, req.params.inviterCode);
      const qr = p.staffQr
        ? `<p>长按识别二维码,添加企业微信即为TA助力成功</p><img class="qr" alt="员工二维码" src="${esc(p.staffQr.url)}">`
        : `<p>活动${esc(STATUS[p.campaign.status])},暂时不能助力</p>`;
      return reply.type('text/html; charset=utf-8').send(page(p.campaign.name, `<h1>${esc(p.campaign.name)}</h1>
<section><p>帮 <b>${esc(p.inviter.nickname || '好友')}</b> 助力</p><p>已获得 ${p.inviter.validHelps} 人助力${p.inviter.nextTier ? `,还差 ${p.inviter.nextTier.stillNeeded} 人完成第${p.inviter.nextTier.tier}阶任务` : ''}</p>${qr}</section>
<section>奖品剩余 ${p.campaign.stockLeft} 份</section>`));
    });
  };
}

function myPageHtml(p: MyPage): string {
  const next = p.nextTier ? `还差 ${p.nextTier.stillNeeded} 人完成第${p.nextTier.tier}阶任务` : '已完成全部任务';
  const rewards = p.rewards.length
    ? p.rewards.map((r) => `<li>第${r.tierNo}阶:${esc(r.name)} — ${esc(REWARD_STATUS[r.status])}${r.redeemCode ? `,兑换码 <b>${esc(r.redeemCode)}</b>` : ''}</li>`).join('')
    : '<li>完成任务即可领取</li>';
  const helpers = p.helpers.filter((h) => h.status === 'valid').map((h) => `<li>${esc(h.nickname || '好友')}</li>`).join('') || '<li>还没有好友助力</li>';
  return page(p.campaign.name, `<h1>${esc(p.campaign.name)}</h1>
<section><p>活动${esc(STATUS[p.campaign.status])} · 已获得 <b>${p.me.validHelps}</b> 人助力 · ${next}</p></section>
<section><p>把下面的助力链接发给好友,好友添加企业微信即为你助力:</p><p class="url">${esc(p.helpUrl)}</p></section>
<section><p>我的奖品</p><ul>${rewards}</ul></section>
<section><p>助力好友</p><ul>${helpers}</ul></section>`);
}
