// The "activity code" button of the campaign pages: a popover with the code and its PNG download
// while the campaign runs or waits to start; disabled, saying why, for a draft (no code until
// published) and an ended campaign (its code was removed at WeCom).
import { Button, Popover, Tooltip } from 'antd';
import { QrcodeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus } from '../../api/campaign-types.ts';
import { useWorkspace } from '../../app/workspace.ts';
import { paths } from '../../lib/paths.ts';
import { ActivityCode } from './ActivityCode.tsx';

export function ActivityCodeButton({ campaignId, status, compact }: { campaignId: number; status: CampaignStatus; compact?: boolean }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const button = compact
    ? <Button type="link" size="small" disabled={status === 'draft' || status === 'ended'} data-testid="activity-code">{t('dashboard.activityCode')}</Button>
    : <Button icon={<QrcodeOutlined />} disabled={status === 'draft' || status === 'ended'} data-testid="activity-code">{t('dashboard.activityCode')}</Button>;
  if (status === 'draft' || status === 'ended') {
    // A disabled button fires no mouse events: the span carries the tooltip.
    return <Tooltip title={t(status === 'draft' ? 'dashboard.codeAfterPublish' : 'dashboard.codeEnded')}><span className="disabled-wrap">{button}</span></Tooltip>;
  }
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      arrow={{ pointAtCenter: true }}
      title={t('dashboard.activityCode')}
      destroyOnHidden
      content={<ActivityCode url={paths.campaignCode(ws.apiBase, campaignId)} filename={t('dashboard.codeFilename', { id: campaignId })} />}
    >
      {button}
    </Popover>
  );
}
