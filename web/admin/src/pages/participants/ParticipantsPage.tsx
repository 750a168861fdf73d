// Participants of a campaign (seed 000 §三(二)4), in two tabs: the participants themselves and the
// prizes they won (with delivery details, to ship and mark as issued).
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import type { CampaignView } from '../../api/campaign-types.ts';
import { useWorkspace } from '../../app/workspace.ts';
import { paths } from '../../lib/paths.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { StatusTag } from '../campaigns/StatusTag.tsx';
import { ParticipantsTable } from './ParticipantsTable.tsx';
import { RewardsTable } from './RewardsTable.tsx';

export default function ParticipantsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const ws = useWorkspace();
  const [params, setParams] = useSearchParams();
  const campaign = useApi<CampaignView>(paths.campaign(ws.apiBase, id));
  const tab = params.get('tab') === 'rewards' ? 'rewards' : 'participants';
  if (campaign.error && !campaign.data) return <ErrorState error={campaign.error} onRetry={campaign.reload} />;
  return (
    <div className="page">
      <PageHeader
        back={<Link to={`${ws.base}/campaigns/${id}`}>{t('participants.backToDashboard')}</Link>}
        title={campaign.data ? <Space size={10}>{campaign.data.name}<StatusTag status={campaign.data.status} endReason={campaign.data.endReason} /></Space> : t('participants.title')}
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'rewards' ? { tab: k } : {}, { replace: true })}
        items={[
          { key: 'participants', label: t('participants.tabs.participants'), children: <ParticipantsTable campaignId={id} tiers={campaign.data?.tiers.length ?? 5} /> },
          { key: 'rewards', label: t('participants.tabs.rewards'), children: <RewardsTable campaignId={id} tiers={campaign.data?.tiers.length ?? 5} /> },
        ]}
      />
    </div>
  );
}
