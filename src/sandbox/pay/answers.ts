// Answers of the v2 red-packet APIs: XML with return_code/return_msg (communication), result_code,
// err_code and err_code_des (business). Request-level problems (certificate, XML, signature,
// parameters) answer return_code FAIL; business failures return_code SUCCESS with result_code FAIL.
import { buildXml } from '../../wechat/protocol/xml.ts';
import type { XmlFields } from '../../wechat/protocol/xml.ts';

export const PAY_ERRORS: Record<string, string> = {
  CA_ERROR: '证书出错，请登录微信支付商户平台下载证书',
  SIGN_ERROR: '签名错误',
  XML_ERROR: '输入xml参数格式错误',
  PARAM_ERROR: '参数错误',
  NO_AUTH: '发放失败，此请求可能存在风险，已被微信拦截',
  ILLEGAL_APPID: '非法appid，请确认是否为公众号的appid，不能为APP的appid',
  OPENID_ERROR: 'openid和appid不匹配',
  MONEY_LIMIT: '每个红包的金额必须在1.00元到200.00元之间',
  SENDNUM_LIMIT: '该用户今日领取红包个数超过限制',
  RCVDAMOUNT_LIMIT: '该用户今日领取金额超过限制',
  SENDAMOUNT_LIMIT: '您的商户号今日发放金额超过限制',
  FREQ_LIMIT: '超过频率限制，请稍后再试',
  NOTENOUGH: '帐号余额不足，请到商户平台充值后再重试',
  FATAL_ERROR: '该商户单号已使用，请求参数与原单不一致',
  SYSTEMERROR: '系统繁忙，请再试',
  PROCESSING: '请求已受理，请稍后使用原单号查询发放结果',
  SEND_FAILED: '发放失败，请使用原单号查询发放结果',
  API_METHOD_CLOSED: '你的商户号API发放方式已关闭，请联系管理员在商户平台开启',
  NOT_FOUND: '指定单号数据不存在',
};

/** Errors about the request itself rather than the business outcome. */
const REQUEST_ERRORS = new Set(['CA_ERROR', 'SIGN_ERROR', 'XML_ERROR', 'PARAM_ERROR']);

export class PayError extends Error {
  readonly errCode: string;
  constructor(errCode: string, detail?: string) {
    super(detail ?? PAY_ERRORS[errCode] ?? errCode);
    this.errCode = errCode;
  }
}

export function payFail(errCode: string, detail?: string): never {
  throw new PayError(errCode, detail);
}

export function failureXml(e: PayError, echo: XmlFields): string {
  const request = REQUEST_ERRORS.has(e.errCode);
  return buildXml({
    return_code: request ? 'FAIL' : 'SUCCESS',
    return_msg: e.message,
    result_code: 'FAIL',
    err_code: e.errCode,
    err_code_des: e.message,
    ...echo,
  });
}

export function successXml(fields: XmlFields, msg = '发放成功'): string {
  return buildXml({ return_code: 'SUCCESS', return_msg: msg, result_code: 'SUCCESS', err_code: 'SUCCESS', err_code_des: msg, ...fields });
}
