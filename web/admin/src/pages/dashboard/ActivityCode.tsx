// The campaign's activity code (its WeCom "contact me" QR without an inviter): shown to scan or
// check, and downloaded as a PNG to print or post (seed 000 三(一) 方式一).
import { useState } from 'react';
import { App, Button, Spin, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { downloadFile } from './download.ts';

export function ActivityCode({ url, filename }: { url: string; filename: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [downloading, setDownloading] = useState(false);

  const download = async () => {
    setDownloading(true);
    try {
      await downloadFile(url, filename);
    } catch (err) {
      const e = err as ApiError;
      message.error(e.code === 'network' ? t('errors.network.title') : t('dashboard.codeFailed', { message: e.message }));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div className="activity-code">
      <Spin spinning={state === 'loading'}>
        <div className="activity-code-img">
          {state === 'error' ? (
            <Typography.Text type="secondary">{t('dashboard.codeUnavailable')}</Typography.Text>
          ) : (
            <img src={url} alt={t('dashboard.activityCode')} onLoad={() => setState('ready')} onError={() => setState('error')} data-testid="activity-code-img" />
          )}
        </div>
      </Spin>
      <Typography.Paragraph type="secondary" className="activity-code-help">{t('dashboard.codeHelp')}</Typography.Paragraph>
      <Button type="primary" block icon={<DownloadOutlined />} loading={downloading} disabled={state === 'error'} onClick={download} data-testid="download-code">{t('dashboard.downloadCode')}</Button>
    </div>
  );
}
