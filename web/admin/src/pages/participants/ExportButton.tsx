// Room for exports (a later issue): the button is there, disabled, saying when it comes.
import { Button, Tooltip } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export function ExportButton() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('participants.exportSoon')}>
      <span className="disabled-wrap"><Button icon={<DownloadOutlined />} disabled data-testid="export">{t('participants.export')}</Button></span>
    </Tooltip>
  );
}
