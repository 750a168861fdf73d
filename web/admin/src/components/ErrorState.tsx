// Deliberate states for what can go wrong: no network, no permission, nothing there, a server
// error (with its request id, so an operator can quote it to whoever runs the server).
import type { ReactNode } from 'react';
import { Button, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/client.ts';

interface Props {
  error: ApiError;
  onRetry?: () => void;
  /** Full-page (outside the app frame) rather than inside the content area. */
  standalone?: boolean;
}

function Frame({ standalone, children }: { standalone?: boolean | undefined; children: ReactNode }) {
  return <div className={standalone ? 'state-standalone' : 'state-inline'}>{children}</div>;
}

export function ErrorState({ error, onRetry, standalone }: Props) {
  const { t } = useTranslation();
  if (error.status === 403) return <ForbiddenState standalone={standalone} />;
  if (error.status === 404) return <NotFoundState standalone={standalone} />;
  const retry = onRetry ? <Button type="primary" onClick={onRetry}>{t('common.retry')}</Button> : null;
  if (error.code === 'network') {
    return (
      <Frame standalone={standalone}>
        <Result status="warning" title={t('errors.network.title')} subTitle={t('errors.network.description')} extra={retry} />
      </Frame>
    );
  }
  return (
    <Frame standalone={standalone}>
      <Result
        status="error"
        title={t('errors.server.title')}
        subTitle={
          <>
            <div>{t('errors.server.description')}</div>
            {error.requestId ? <Typography.Text type="secondary" copyable={{ text: error.requestId }}>{t('errors.requestId', { id: error.requestId })}</Typography.Text> : null}
          </>
        }
        extra={retry}
      />
    </Frame>
  );
}

export function ForbiddenState({ standalone }: { standalone?: boolean | undefined }) {
  const { t } = useTranslation();
  return (
    <Frame standalone={standalone}>
      <Result status="403" title={t('errors.forbidden.title')} subTitle={t('errors.forbidden.description')} extra={<Link to="/">{t('errors.backHome')}</Link>} />
    </Frame>
  );
}

export function NotFoundState({ standalone }: { standalone?: boolean | undefined }) {
  const { t } = useTranslation();
  return (
    <Frame standalone={standalone}>
      <Result status="404" title={t('errors.notFound.title')} subTitle={t('errors.notFound.description')} extra={<Link to="/">{t('errors.backHome')}</Link>} />
    </Frame>
  );
}

export function NoWorkspaceState() {
  const { t } = useTranslation();
  return (
    <Frame standalone>
      <Result status="info" title={t('errors.noWorkspace.title')} subTitle={t('errors.noWorkspace.description')} />
    </Frame>
  );
}
