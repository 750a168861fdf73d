// One campaign's live dashboard (seed 000 §5): today and all-time figures, trend by hour, day,
// week or month, fission levels, funnel, stock per tier, helps, WeCom quota. Polls every 5 s.
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Badge, Button, Card, Col, Empty, Popover, Progress, Row, Segmented, Space, Table, Tooltip, Typography } from 'antd';
import { EditOutlined, QrcodeOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useApi } from '../../api/use-api.ts';
import type { ApiError } from '../../api/client.ts';
import type { CampaignStats, CampaignView, InvalidHelpReason } from '../../api/campaign-types.ts';
import { canAct, useWorkspace } from '../../app/workspace.ts';
import { paths } from '../../lib/paths.ts';
import { formatTime, ZONE } from '../../lib/time.ts';
import { formatInt } from '../../lib/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { StatusTag } from '../campaigns/StatusTag.tsx';
import { useCampaignActions } from '../campaigns/use-campaign-actions.ts';
import { StatCards } from './StatCards.tsx';
import { FunnelChart, LevelChart, TrendChart } from './Charts.tsx';
import { hourlyPoints, trendPoints, type Granularity } from './trend.ts';
import { ActivityCode } from './ActivityCode.tsx';

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
  const [granularity, setGranularity] = useState<Granularity>('day');
  const canEdit = canAct(ws.role, 'operator');
  const allowed = new Set(c.allowedActions);

  const points = useMemo(() => {
    if (!stats) return [];
    if (granularity === 'hour') return hourlyPoints(stats.hourly ?? []);
    const from = dayjs(c.config.startAt).tz(ZONE).format('YYYY-MM-DD');
    const end = dayjs(c.endedAt ?? c.config.endAt).tz(ZONE).format('YYYY-MM-DD');
    const to = end < stats.today ? end : stats.today;
    return trendPoints(stats.daily, granularity, from < to ? from : to, to);
  }, [stats, granularity, c]);

  const live = c.status === 'running' || c.status === 'scheduled';
  return (
    <div className="page">
      <PageHeader
        back={<Link to={`${ws.base}/campaigns`}>{t('dashboard.backToList')}</Link>}
        title={<Space size={10}>{c.name}<StatusTag status={c.status} endReason={c.endReason} /></Space>}
        subtitle={`${formatTime(c.config.startAt)} – ${formatTime(c.config.endAt)} · ${t('wizard.basics.zone')}`}
        extra={
          <Space wrap>
            <Button icon={<TeamOutlined />} onClick={() => navigate(`${ws.base}/campaigns/${c.id}/participants`)}>{t('dashboard.participants')}</Button>
            {c.status === 'draft' ? (
              <Tooltip title={t('dashboard.codeAfterPublish')}><Button icon={<QrcodeOutlined />} disabled>{t('dashboard.activityCode')}</Button></Tooltip>
            ) : (
              <Popover trigger="click" placement="bottomRight" title={t('dashboard.activityCode')} destroyOnHidden content={<ActivityCode url={paths.campaignCode(ws.apiBase, c.id)} filename={t('dashboard.codeFilename', { id: c.id })} />}>
                <Button icon={<QrcodeOutlined />} data-testid="activity-code">{t('dashboard.activityCode')}</Button>
              </Popover>
            )}
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
          <Badge status={live ? 'processing' : 'default'} text={live ? t('dashboard.live', { s: POLL_MS / 1000 }) : t('dashboard.notLive')} />
        )}
        {stats ? <Typography.Text type="secondary">{t('dashboard.todayIs', { day: stats.today })}</Typography.Text> : null}
      </div>
      {!stats ? (
        statsError ? <ErrorState error={statsError} onRetry={reload} /> : <PageLoading />
      ) : (
        <>
          <StatCards stats={stats} />
          <Card
            size="small"
            className="dash-card"
            title={t('dashboard.trend')}
            extra={
              <Segmented<Granularity>
                size="small"
                value={granularity}
                onChange={setGranularity}
                options={(['hour', 'day', 'week', 'month'] as const).map((g) => ({
                  value: g,
                  label: g === 'hour' && !stats.hourly ? <Tooltip title={t('dashboard.hourUnavailable')}>{t(`dashboard.granularity.${g}`)}</Tooltip> : t(`dashboard.granularity.${g}`),
                  disabled: g === 'hour' && !stats.hourly,
                }))}
              />
            }
          >
            {stats.participants.total || points.some((p) => p.values.participants) ? <TrendChart points={points} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noData')} style={{ padding: '60px 0' }} />}
          </Card>
          <Row gutter={12}>
            <Col span={14}>
              <Card size="small" className="dash-card" title={t('dashboard.levels')} extra={<Typography.Text type="secondary">{t('dashboard.levelsHelp')}</Typography.Text>}>
                <LevelChart levels={stats.levels} />
              </Card>
            </Col>
            <Col span={10}>
              <Card size="small" className="dash-card" title={t('dashboard.funnelTitle')}>
                <FunnelChart funnel={stats.funnel} />
                <div className="funnel-legend">
                  <Typography.Text type="secondary">{t('dashboard.funnel.notShared', { n: formatInt(stats.funnel.not_shared) })}</Typography.Text>
                  <Typography.Text type="secondary">{t('dashboard.funnel.sharedNotCompleted', { n: formatInt(stats.funnel.shared_not_completed) })}</Typography.Text>
                </div>
              </Card>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={14}>
              <Card size="small" className="dash-card" title={t('dashboard.stock')}>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="tierNo"
                  dataSource={stats.tiers}
                  columns={[
                    { title: t('wizard.review.tier'), dataIndex: 'tierNo', render: (n: number) => t(`wizard.tiers.names.t${n}` as 'wizard.tiers.names.t1') },
                    { title: t('wizard.tiers.target'), dataIndex: 'target', align: 'right' },
                    { title: t('dashboard.tierCols.completed'), dataIndex: 'completed', align: 'right', render: formatInt },
                    { title: t('dashboard.tierCols.won'), dataIndex: 'won', align: 'right', render: formatInt },
                    { title: t('dashboard.tierCols.issued'), dataIndex: 'issued', align: 'right', render: formatInt },
                    {
                      title: t('dashboard.tierCols.stock'), width: 200,
                      render: (_v, r) => (
                        <div className="cell-stock">
                          <span>{formatInt(r.stockLeft)} / {formatInt(r.stockTotal)}</span>
                          <Progress percent={r.stockTotal ? Math.round((r.stockLeft / r.stockTotal) * 100) : 0} showInfo={false} size="small" status={r.stockLeft === 0 ? 'exception' : 'normal'} />
                        </div>
                      ),
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col span={10}>
              <Card size="small" className="dash-card" title={t('dashboard.helps')}>
                <div className="kv-grid">
                  <span>{t('dashboard.helpKinds.valid')}</span><strong>{formatInt(stats.helps.valid)}</strong>
                  <span>{t('dashboard.helpKinds.revoked')}</span><strong>{formatInt(stats.helps.revoked)}</strong>
                  <span>{t('dashboard.helpKinds.invalid')}</span><strong>{formatInt(stats.helps.invalidTotal)}</strong>
                </div>
                {stats.helps.invalidTotal ? (
                  <div className="invalid-list">
                    {(Object.entries(stats.helps.invalid) as Array<[InvalidHelpReason, number]>).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).map(([r, n]) => (
                      <div key={r} className="invalid-row">
                        <span>{t(`dashboard.invalidReasons.${r}`)}</span>
                        <Progress percent={Math.round((n / stats.helps.invalidTotal) * 100)} size="small" format={() => formatInt(n)} />
                      </div>
                    ))}
                  </div>
                ) : null}
                <div className="quota-line">
                  <Typography.Text type="secondary">{t('dashboard.quota')}</Typography.Text>
                  {stats.quota ? (
                    <Tooltip title={t('dashboard.quotaHelp')}>
                      <Progress percent={Math.round((stats.quota.live / stats.quota.quota) * 1000) / 10} size="small" format={() => `${formatInt(stats.quota!.live)} / ${formatInt(stats.quota!.quota)}`} />
                    </Tooltip>
                  ) : (
                    <Typography.Text type="secondary">{t('dashboard.quotaUnavailable')}</Typography.Text>
                  )}
                </div>
              </Card>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
