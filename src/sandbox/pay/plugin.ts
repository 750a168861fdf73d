// WeChat Pay (https://api.mch.weixin.qq.com), mounted under `<sandbox>/pay`: cash red packets
// (sendredpack, gethbinfo), v2 XML signed with the merchant's APIv2 key. Mutual TLS is stood in for
// by the `x-sandbox-client-cert: <mch_id>` header: without it (or for another merchant) ⇒ CA_ERROR.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseXml } from '../../wechat/protocol/xml.ts';
import type { XmlFields } from '../../wechat/protocol/xml.ts';
import type { SandboxDeps } from '../deps.ts';
import type { Merchant } from '../store/pay-model.ts';
import { PayError, failureXml, payFail, successXml } from './answers.ts';
import { hbInfoXml } from './hbinfo.ts';
import { checkSendFields, sendRedpack } from './redpack.ts';
import type { SendParams } from './redpack.ts';
import { settleMerchant } from './settle.ts';
import { payV2SignValid } from './sign.ts';

export const CLIENT_CERT_HEADER = 'x-sandbox-client-cert';

function readParams(body: unknown): SendParams {
  let root: Record<string, unknown>;
  try {
    root = parseXml(typeof body === 'string' ? body : '');
  } catch {
    return payFail('XML_ERROR');
  }
  const out: SendParams = {};
  for (const [k, v] of Object.entries(root)) if (typeof v === 'string') out[k] = v.trim();
  return out;
}

const ECHO = ['mch_billno', 'mch_id', 'wxappid', 're_openid', 'total_amount'] as const;

export async function payPlugin(fastify: FastifyInstance, opts: { deps: SandboxDeps }): Promise<void> {
  const { deps } = opts;
  const { store } = deps;
  const rates = new Map<string, { second: number; count: number }>();
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));

  /** Certificate, XML, merchant and signature: what every red-packet call checks first. */
  const open = (req: FastifyRequest, required: readonly string[]): { m: Merchant; p: SendParams } => {
    const cert = req.headers[CLIENT_CERT_HEADER];
    if (!cert) payFail('CA_ERROR', `证书出错：请求没有客户端证书（沙箱以请求头 ${CLIENT_CERT_HEADER}: <mch_id> 代替双向 TLS）`);
    const p = readParams(req.body);
    if (!p.mch_id) payFail('PARAM_ERROR', '参数错误：缺少 mch_id');
    const m = store.data.merchants[p.mch_id as string];
    if (!m) payFail('PARAM_ERROR', `参数错误：商户号 ${p.mch_id} 不存在`);
    if (cert !== m.mchId) payFail('CA_ERROR', '证书出错：证书与商户号不匹配');
    for (const f of required) if (!p[f]) payFail('PARAM_ERROR', `参数错误：缺少 ${f}`);
    if (!payV2SignValid(p, m.key)) payFail('SIGN_ERROR');
    settleMerchant(deps, m);
    return { m, p };
  };

  const answer = (reply: FastifyReply, xml: string) => reply.header('content-type', 'text/xml; charset=utf-8').send(xml);

  fastify.post('/mmpaymkttransfers/sendredpack', async (req, reply) => {
    let echo: XmlFields = {};
    try {
      const { m, p } = open(req, ['sign', 'nonce_str']);
      echo = Object.fromEntries(ECHO.map((k) => [k, p[k]]));
      checkSendFields(p);
      const rate = rates.get(m.mchId) ?? { second: 0, count: 0 };
      rates.set(m.mchId, rate);
      const out = sendRedpack({ deps, m, rate }, p);
      if (out.kind === 'injected') throw new PayError(out.errCode);
      if (out.kind === 'processing') throw new PayError('PROCESSING');
      return answer(reply, successXml({ ...echo, total_amount: out.packet.amount, send_listid: out.packet.sendListid }));
    } catch (e) {
      if (e instanceof PayError) return answer(reply, failureXml(e, echo));
      throw e;
    }
  });

  fastify.post('/mmpaymkttransfers/gethbinfo', async (req, reply) => {
    try {
      const { m, p } = open(req, ['sign', 'nonce_str', 'mch_billno', 'appid', 'bill_type']);
      if (p.bill_type !== 'MCHT') payFail('PARAM_ERROR', '参数错误：bill_type 须为 MCHT');
      const packet = m.redpacks[p.mch_billno as string];
      if (!packet || packet.wxappid !== p.appid) payFail('NOT_FOUND');
      return answer(reply, hbInfoXml(m, packet));
    } catch (e) {
      if (e instanceof PayError) return answer(reply, failureXml(e, {}));
      throw e;
    }
  });
}
