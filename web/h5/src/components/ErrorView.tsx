// One error state for every page: what happened in plain words and what to do next. A network
// problem offers a retry; an expired or edited link says to reopen it from the WeCom chat; a
// sign-in through WeChat that did not come back says to open the page in WeChat.
import { ApiError } from '../lib/api.ts';
import { Icon, type IconName } from './Icon.tsx';
import { Link } from './Link.tsx';

export type ErrorKind = 'network' | 'link_expired' | 'link_invalid' | 'not_yours' | 'not_found' | 'sign_in' | 'server';

export function errorKind(error: ApiError, opts: { tokenExpired?: boolean } = {}): ErrorKind {
  if (error.code === 'network') return 'network';
  if (error.code === 'sign_in_failed') return 'sign_in';
  if (error.status === 401) return opts.tokenExpired ? 'link_expired' : 'link_invalid';
  if (error.status === 404) return 'not_found';
  return 'server';
}

const TEXT: Record<ErrorKind, { icon: IconName; title: string; body: string }> = {
  network: { icon: 'wifi', title: '网络不太给力', body: '请检查网络连接后重试。' },
  link_expired: { icon: 'clock', title: '链接已过期', body: '这个链接已超过有效期。请回到企业微信聊天,重新打开活动消息里的链接。' },
  link_invalid: { icon: 'link', title: '链接无效', body: '链接不完整或已被修改。请回到企业微信聊天,重新打开活动消息里的链接。' },
  not_yours: { icon: 'user', title: '这是好友的专属页面', body: '每个人的活动页面只有本人能看。想参加活动,可以先看看活动介绍。' },
  not_found: { icon: 'info', title: '页面不存在', body: '活动可能已下线,或链接不完整。' },
  sign_in: { icon: 'user', title: '无法确认你的微信身份', body: '请在微信中打开这个页面。如果已经在微信中,请稍后重新加载。' },
  server: { icon: 'info', title: '服务开小差了', body: '请稍后再试。' },
};

export function ErrorView({ error, kind, onRetry, action }: { error?: ApiError; kind?: ErrorKind; onRetry?: () => void; action?: { href: string; label: string } }) {
  const k = kind ?? (error ? errorKind(error) : 'server');
  const t = TEXT[k];
  const canRetry = onRetry && (k === 'network' || k === 'server' || k === 'sign_in');
  return (
    <div class="error-view" data-testid={`error-${k}`} role="alert">
      <div class="error-icon">
        <Icon name={t.icon} size={40} />
      </div>
      <h1 class="error-title">{t.title}</h1>
      <p class="error-body">{t.body}</p>
      {canRetry && (
        <button type="button" class="btn btn-primary" onClick={onRetry}>
          重新加载
        </button>
      )}
      {action && (
        <Link href={action.href} class="btn btn-outline" testId="error-action">
          {action.label}
        </Link>
      )}
    </div>
  );
}
