import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus, EndReason } from '../../api/campaign-types.ts';

const COLORS: Record<CampaignStatus, string> = { draft: 'default', scheduled: 'blue', running: 'green', ended: 'default' };

export function StatusTag({ status, endReason }: { status: CampaignStatus; endReason?: EndReason | null }) {
  const { t } = useTranslation();
  const tag = <Tag color={COLORS[status]} className={`status-${status}`}>{t(`status.${status}`)}</Tag>;
  return endReason ? <Tooltip title={t(`status.endReasons.${endReason}`)}>{tag}</Tooltip> : tag;
}
