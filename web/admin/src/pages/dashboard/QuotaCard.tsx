// The corp's WeCom "contact me" code quota (500 000 per corp, shared by every campaign of the
// workspace): the activity code and each participant's poster code use one.
import { Card, Progress, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import type { ContactWayQuota } from '../../api/campaign-types.ts';
import { useWorkspace } from '../../app/workspace.ts';
import { paths } from '../../lib/paths.ts';
import { formatInt } from '../../lib/format.ts';

export const QUOTA_POLL_MS = 30_000;

export function QuotaCard() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const quota = useApi<ContactWayQuota>(paths.contactWayQuota(ws.apiBase), { pollMs: QUOTA_POLL_MS });
  const q = quota.data;
  const title = <span>{t('dashboard.quota')} <Tooltip title={t('dashboard.quotaHelp')}><QuestionCircleOutlined className="help-icon" /></Tooltip></span>;
  return (
    <Card size="small" className="dash-card" title={title} data-testid="quota-card">
      {q ? (
        <>
          <div className="quota-figures">
            <span className="quota-used">{formatInt(q.live)}</span>
            <Typography.Text type="secondary">{t('dashboard.quotaOf', { quota: formatInt(q.quota) })}</Typography.Text>
          </div>
          <Progress percent={Math.min(100, (q.live / q.quota) * 100)} showInfo={false} size="small" status={q.left === 0 ? 'exception' : 'normal'} />
          <Typography.Text type="secondary" className="quota-left">{t('dashboard.quotaLeft', { left: formatInt(q.left) })}</Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary">{quota.error ? t('dashboard.quotaFailed') : t('common.loading')}</Typography.Text>
      )}
    </Card>
  );
}
