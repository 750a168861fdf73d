// Where each WeChat product lives: the real hosts, or the sandbox's prefixes in sandbox mode.
export interface WeChatHosts {
  /** WeCom server API (qyapi). */
  wecom: string;
  /** Official Account API. */
  oa: string;
  /** OA QR images (showqrcode). */
  mp: string;
  /** OA web OAuth page. */
  open: string;
  /** WeChat Pay. */
  pay: string;
}

export const REAL_HOSTS: WeChatHosts = {
  wecom: 'https://qyapi.weixin.qq.com',
  oa: 'https://api.weixin.qq.com',
  mp: 'https://mp.weixin.qq.com',
  open: 'https://open.weixin.qq.com',
  pay: 'https://api.mch.weixin.qq.com',
};

/** The sandbox mounted at `root` (e.g. `http://localhost:3000/sandbox`) serves every host under its own prefix. */
export function sandboxHosts(root: string): WeChatHosts {
  const r = root.replace(/\/+$/, '');
  return { wecom: `${r}/wecom`, oa: `${r}/oa`, mp: `${r}/mp`, open: `${r}/open`, pay: `${r}/pay` };
}
