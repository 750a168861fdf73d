// "Test connection": runs POST …/connection-test on the saved settings and lists each check with
// WeChat's errcode in words. Unsaved edits must be saved first (the server tests what it has).
import { useState } from 'react';
import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import type { ConnectionCheck } from '../../api/types.ts';
import { paths } from '../../lib/paths.ts';
import { localizeServerMessage } from '../../lib/server-messages.ts';
import { connectionErrorKey } from './connection-words.ts';

export function ConnectionTest({ apiBase, dirty }: { apiBase: string; dirty: boolean }) {
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ sandbox: boolean; checks: ConnectionCheck[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      setResult(await api.post<{ sandbox: boolean; checks: ConnectionCheck[] }>(paths.connectionTest(apiBase)));
    } catch (err) {
      const e = err as ApiError;
      setError(e.code === 'network' ? t('errors.network.title') : e.status === 403 ? t('errors.forbidden.description') : t('settings.test.failed', { message: localizeServerMessage(e.message) }));
    } finally {
      setRunning(false);
    }
  };

  const words = (c: ConnectionCheck) => {
    if (c.result === 'ok') return <Typography.Text type="success">{t('settings.test.ok')}</Typography.Text>;
    if (c.result === 'not_configured') return <Typography.Text type="secondary">{t('settings.test.notConfigured')}</Typography.Text>;
    return (
      <Space size={6} wrap>
        <Typography.Text type="danger">{t(`settings.test.errors.${connectionErrorKey(c)}` as 'settings.test.errors.other', { errmsg: c.errmsg ?? '' })}</Typography.Text>
        {c.errcode !== null ? <Tag>{t('settings.test.errcode', { errcode: c.errcode })}</Tag> : null}
      </Space>
    );
  };

  return (
    <Card
      size="small"
      className="settings-card"
      title={t('settings.test.title')}
      extra={<Button onClick={run} loading={running} disabled={dirty} data-testid="connection-test">{t('settings.test.run')}</Button>}
    >
      <Typography.Paragraph type="secondary" className="connection-help">{dirty ? t('settings.test.saveFirst') : t('settings.test.help')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {result ? (
        <div className="connection-checks" data-testid="connection-checks">
          {result.sandbox ? <Tag color="blue" className="connection-sandbox">{t('settings.test.sandbox')}</Tag> : null}
          {result.checks.map((c) => (
            <div key={c.check} className="connection-check" data-testid={`check-${c.check}`}>
              {c.result === 'ok' ? <CheckCircleFilled className="ok" /> : c.result === 'failed' ? <CloseCircleFilled className="bad" /> : <MinusCircleOutlined className="skip" />}
              <span className="connection-check-name">{t(`settings.test.checks.${c.check}`)}</span>
              {words(c)}
            </div>
          ))}
        </div>
      ) : null}
    </Card>
  );
}
