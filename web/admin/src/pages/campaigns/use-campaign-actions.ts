// Publish, end early, copy and delete — each confirmed first, each answered with a message.
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, ApiError } from '../../api/client.ts';
import type { CampaignAction, CampaignView } from '../../api/campaign-types.ts';
import { useWorkspace } from '../../app/workspace.ts';
import { paths } from '../../lib/paths.ts';
import { localizeServerMessage } from '../../lib/server-messages.ts';

export function useCampaignActions(onDone: () => void) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const ws = useWorkspace();
  const navigate = useNavigate();

  const fail = (err: unknown) => {
    const e = err as ApiError;
    const detail = e.fields?.length ? e.fields.map((f) => localizeServerMessage(f.message)).join(';') : localizeServerMessage(e.message);
    message.error(e.code === 'network' ? t('errors.network.title') : e.status === 403 ? t('errors.forbidden.description') : t('campaigns.actionFailed', { message: detail }));
  };

  return (action: Exclude<CampaignAction, 'edit'>, c: { id: number; name: string }) => {
    const run = async () => {
      try {
        if (action === 'delete') await api.del(paths.campaign(ws.apiBase, c.id));
        else {
          const view = await api.post<CampaignView>(paths.campaignAction(ws.apiBase, c.id, action));
          if (action === 'copy') {
            message.success(t('campaigns.done.copy'));
            navigate(`${ws.base}/campaigns/${view.id}/edit`);
            return;
          }
        }
        message.success(t(`campaigns.done.${action}`));
        onDone();
      } catch (err) {
        fail(err);
      }
    };
    if (action === 'copy') return void run();
    modal.confirm({
      title: t(`campaigns.confirm.${action}.title`, { name: c.name }),
      content: t(`campaigns.confirm.${action}.content`),
      okText: t(`campaigns.actions.${action}`),
      okButtonProps: { danger: action === 'delete' || action === 'end' },
      cancelText: t('common.cancel'),
      onOk: run,
    });
  };
}
