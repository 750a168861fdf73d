// Batch "mark as issued": POST /rewards/issue, all or nothing.
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { paths } from '../../lib/paths.ts';
import { localizeServerMessage } from '../../lib/server-messages.ts';

export function useIssueRewards(apiBase: string, campaignId: string, onDone: () => void) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  return (rewardIds: number[]) => {
    if (!rewardIds.length) {
      message.info(t('participants.nothingToIssue'));
      return;
    }
    modal.confirm({
      title: t('participants.issueConfirm', { n: rewardIds.length }),
      content: t('participants.issueConfirmHelp'),
      okText: t('participants.markIssued'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const r = await api.post<{ issued: number; alreadyIssued: number }>(paths.issueRewards(apiBase, campaignId), { rewardIds });
          message.success(t('participants.issued', { n: r.issued, already: r.alreadyIssued }));
          onDone();
        } catch (err) {
          const e = err as ApiError;
          const detail = e.fields.length ? e.fields.map((f) => localizeServerMessage(f.message)).join(';') : localizeServerMessage(e.message);
          message.error(e.code === 'network' ? t('errors.network.title') : t('participants.issueFailed', { message: detail }));
        }
      },
    });
  };
}
