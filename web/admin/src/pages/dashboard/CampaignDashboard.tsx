// One campaign's live dashboard (seed 000 §5): today and all-time figures, trend by hour, day,
// week or month, fission levels, funnel, stock per tier, helps, the WeCom code quota, and the
// activity code. The figures poll every 5 s.
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Badge, Button, Card, Col, Empty, Row, Space, Typography } from 'antd';
import { EditOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import type { ApiError } from '../../api/client.ts';
import type { CampaignStats, CampaignView } from '../../api/campaign-types.ts';
import { canAct, useWorkspace } from '../../app/workspace.ts';
import { paths } from '../../lib/paths.ts';
import { formatTime } from '../../lib/time.ts';
import { formatInt } from '../../lib/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { StatusTag } from '../campaigns/StatusTag.tsx';
import { useCampaignActions } from '../campaigns/use-campaign-actions.ts';
import { StatCards } from './StatCards.tsx';
import { FunnelChart, LevelChart } from './Charts.tsx';
import { TrendCard } from './TrendCard.tsx';
import { StockCard } from './StockCard.tsx';
import { HelpsCard } from './HelpsCard.tsx';
import { QuotaCard } from './QuotaCard.tsx';
import { ActivityCodeButton } from './ActivityCodeButton.tsx';

export const POLL_MS = 5000;

export default function CampaignDashboard() {
  const { id = '' } = useParams();
  const ws = useWorkspace();
  const campaign = useApi<CampaignView>(paths.campaign(ws.apiBase, id), { pollMs: 30_000 });
  const stats = useApi<CampaignStats>(paths.campaignStats(ws.apiBase, id), { pollMs: POLL_MS });
  if (campaign.error && !campaign.data) return <ErrorState error={campaign.error} onRetry={campaign.reload} />;
  if (!campaign.data) return <PageLoading />;
  return <Dashboard campaign={campaign.data} stats={stats.data} statsError={stats.error} reload={() => { campaign.reload(); stats.reload(); }} />;
}

function Dashboard({ campaign: c, stats, statsError, reload }: { campaign: CampaignView; stats: CampaignStats | undefined; statsError: ApiError | undefined; reload: () => void }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const navigate = useNavigate();
  const act = useCampaignActions(reload);
  const canEdit = canAct(ws.role, 'operator');
  const allowed = new Set(c.allowedActions);
  const live = c.status === 'running' || c.status === 'scheduled';
  const endedEarly = c.endedAt && (c.endReason === 'ended_early' || c.endReason === 'sold_out');
  const span = `${formatTime(c.config.startAt)} – ${formatTime(c.config.endAt)} · ${t('wizard.basics.zone')}`;

  return (
    <div className="page">
      <PageHeader
        back={<Link to={`${ws.base}/campaigns`}>{t('dashboard.backToList')}</Link>}
        title={<Space size={10}>{c.name}<StatusTag status={c.status} endReason={c.endReason} /></Space>}
        subtitle={endedEarly ? `${span} · ${t(`dashboard.endedEarly.${c.endReason as 'ended_early' | 'sold_out'}`, { time: formatTime(c.endedAt) })}` : span}
        extra={
          <Space wrap>
            <Button icon={<TeamOutlined />} onClick={() => navigate(`${ws.base}/campaigns/${c.id}/participants`)}>{t('dashboard.participants')}</Button>
            <ActivityCodeButton campaignId={c.id} status={c.status} />
            {canEdit && allowed.has('edit') ? <Button icon={<EditOutlined />} onClick={() => navigate(`${ws.base}/campaigns/${c.id}/edit`)}>{t('campaigns.actions.edit')}</Button> : null}
            {canEdit && allowed.has('publish') ? <Button type="primary" onClick={() => act('publish', c)}>{t('campaigns.actions.publish')}</Button> : null}
            {canEdit && allowed.has('end') ? <Button danger onClick={() => act('end', c)}>{t('campaigns.actions.end')}</Button> : null}
          </Space>
        }
      />
      <div className="live-line">
        {statsError ? (
          <Badge status="error" text={statsError.code === 'network' ? t('dashboard.offline') : t('dashboard.statsFailed')} />
        ) : (
          <Badge status={live ? 'processing' : 'default'} text={live ? t('dashboard.live', { s: POLL_MS / 1000 }) : t(`dashboard.notLive.${c.status === 'draft' ? 'draft' : 'ended'}`)} />
        )}
        {stats ? <Typography.Text type="secondary">{t('dashboard.todayIs', { day: stats.today })}</Typography.Text> : null}
      </div>
      {!stats ? (
        statsError ? <ErrorState error={statsError} onRetry={reload} /> : <PageLoading />
      ) : (
        <>
          <StatCards stats={stats} />
          <TrendCard campaign={c} stats={stats} pollMs={POLL_MS} />
          <Row gutter={12}>
            <Col span={14}>
              <Card size="small" className="dash-card" title={t('dashboard.levels')} extra={<Typography.Text type="secondary">{t('dashboard.levelsHelp')}</Typography.Text>}>
                {stats.participants.total ? <LevelChart levels={stats.levels} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noParticipants')} className="chart-empty chart-empty-short" />}
              </Card>
            </Col>
            <Col span={10}>
              <Card size="small" className="dash-card" title={t('dashboard.funnelTitle')}>
                {stats.funnel.participants ? (
                  <>
                    <FunnelChart funnel={stats.funnel} />
                    <div className="funnel-legend">
                      <Typography.Text type="secondary">{t('dashboard.funnel.notShared', { n: formatInt(stats.funnel.not_shared) })}</Typography.Text>
                      <Typography.Text type="secondary">{t('dashboard.funnel.sharedNotCompleted', { n: formatInt(stats.funnel.shared_not_completed) })}</Typography.Text>
                    </div>
                  </>
                ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noParticipants')} className="chart-empty chart-empty-short" />}
              </Card>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={14}><StockCard tiers={stats.tiers} /></Col>
            <Col span={10}>
              <HelpsCard helps={stats.helps} />
              <QuotaCard />
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
