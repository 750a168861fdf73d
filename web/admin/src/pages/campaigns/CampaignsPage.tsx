// The campaign list: status, time window, participants, completions, stock left, and the actions
// each status allows (edit, publish, end early, delete, copy).
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Dropdown, Empty, Input, Progress, Segmented, Space, Table, Tooltip, Typography } from 'antd';
import { EllipsisOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import type { CampaignListItem, CampaignStatus } from '../../api/campaign-types.ts';
import { canAct, useWorkspace } from '../../app/workspace.ts';
import { paths } from '../../lib/paths.ts';
import { formatTime } from '../../lib/time.ts';
import { formatInt, formatRate } from '../../lib/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { StatusTag } from './StatusTag.tsx';
import { useCampaignActions } from './use-campaign-actions.ts';
import { ActivityCodeButton } from '../dashboard/ActivityCodeButton.tsx';

type Filter = 'all' | CampaignStatus;

export default function CampaignsPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const navigate = useNavigate();
  const res = useApi<{ campaigns: CampaignListItem[] }>(paths.campaigns(ws.apiBase), { pollMs: 30_000 });
  const act = useCampaignActions(res.reload);
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  const canEdit = canAct(ws.role, 'operator');
  const canDelete = canAct(ws.role, 'owner');
  const all = res.data?.campaigns ?? [];
  const counts = useMemo(() => {
    const c: Record<Filter, number> = { all: all.length, draft: 0, scheduled: 0, running: 0, ended: 0 };
    for (const x of all) c[x.status]++;
    return c;
  }, [all]);
  const shown = all.filter((c) => (filter === 'all' || c.status === filter) && (!search.trim() || c.name.toLowerCase().includes(search.trim().toLowerCase())));

  if (res.error && !res.data) return <ErrorState error={res.error} onRetry={res.reload} />;

  const newButton = canEdit ? <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`${ws.base}/campaigns/new`)}>{t('campaigns.new')}</Button> : null;

  return (
    <div className="page">
      <PageHeader title={t('campaigns.title')} subtitle={t('campaigns.subtitle')} extra={newButton} />
      <Card size="small" className="table-card">
        <div className="table-toolbar">
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={(['all', 'running', 'scheduled', 'draft', 'ended'] as const).map((f) => ({ value: f, label: `${f === 'all' ? t('common.all') : t(`status.${f}`)} ${counts[f]}` }))}
          />
          <Space>
            <Input.Search allowClear placeholder={t('campaigns.search')} onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} style={{ width: 240 }} />
            <Tooltip title={t('common.refresh')}><Button icon={<ReloadOutlined />} onClick={res.reload} aria-label={t('common.refresh')} /></Tooltip>
          </Space>
        </div>
        <Table<CampaignListItem>
          size="middle"
          rowKey="id"
          loading={res.loading}
          dataSource={shown}
          pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{
            emptyText: all.length ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaigns.noMatch')} />
            ) : (
              <Empty description={<><Typography.Text strong>{t('campaigns.empty.title')}</Typography.Text><br /><Typography.Text type="secondary">{t('campaigns.empty.description')}</Typography.Text></>}>
                {newButton}
              </Empty>
            ),
          }}
          columns={[
            {
              title: t('campaigns.columns.name'),
              render: (_v, c) => (
                <div className="cell-title">
                  <Link to={`${ws.base}/campaigns/${c.id}`}>{c.name}</Link>
                  <Typography.Text type="secondary" className="cell-sub">#{c.id} · {t('campaigns.tiersCount', { count: c.config.tiers.length })}</Typography.Text>
                </div>
              ),
            },
            { title: t('campaigns.columns.status'), width: 96, render: (_v, c) => <StatusTag status={c.status} endReason={c.endReason} /> },
            {
              title: t('campaigns.columns.time'),
              width: 220,
              render: (_v, c) => (
                <div className="cell-title">
                  <span>{formatTime(c.config.startAt)}</span>
                  <Typography.Text type="secondary" className="cell-sub">
                    {c.endedAt && (c.endReason === 'ended_early' || c.endReason === 'sold_out')
                      ? t(`campaigns.endedEarly.${c.endReason}`, { time: formatTime(c.endedAt) })
                      : t('campaigns.until', { time: formatTime(c.config.endAt) })}
                  </Typography.Text>
                </div>
              ),
            },
            { title: t('campaigns.columns.participants'), width: 110, align: 'right', render: (_v, c) => formatInt(c.participants) },
            {
              title: t('campaigns.columns.completed'), width: 130, align: 'right',
              render: (_v, c) => <>{formatInt(c.completed)} <Typography.Text type="secondary">{c.participants ? formatRate(c.completed / c.participants) : ''}</Typography.Text></>,
            },
            {
              title: t('campaigns.columns.stock'), width: 170,
              render: (_v, c) => {
                const total = c.tiers.reduce((s, x) => s + x.stockTotal, 0);
                return (
                  <Tooltip title={c.tiers.map((x) => t('campaigns.stockTier', { n: x.tierNo, left: x.stockLeft, total: x.stockTotal })).join(' · ')}>
                    <div className="cell-stock">
                      <span>{t('dashboard.stockOf', { left: formatInt(c.stockLeft), total: formatInt(total) })}</span>
                      <Progress percent={total ? Math.round((c.stockLeft / total) * 100) : 0} showInfo={false} size="small" status={c.stockLeft === 0 ? 'exception' : 'normal'} />
                    </div>
                  </Tooltip>
                );
              },
            },
            {
              title: t('common.actions'), width: 230,
              render: (_v, c) => {
                const allowed = new Set(c.allowedActions);
                const more = [
                  ...(canEdit && allowed.has('copy') ? [{ key: 'copy', label: t('campaigns.actions.copy') }] : []),
                  ...(canEdit && allowed.has('end') ? [{ key: 'end', label: t('campaigns.actions.end'), danger: true }] : []),
                  ...(canDelete && allowed.has('delete') ? [{ key: 'delete', label: t('campaigns.actions.delete'), danger: true }] : []),
                ];
                return (
                  <Space size={0} className="row-actions">
                    <Button type="link" size="small" onClick={() => navigate(`${ws.base}/campaigns/${c.id}`)}>{t('campaigns.actions.data')}</Button>
                    {c.status === 'running' || c.status === 'scheduled' ? <ActivityCodeButton campaignId={c.id} status={c.status} compact /> : null}
                    {canEdit && allowed.has('edit') ? <Button type="link" size="small" onClick={() => navigate(`${ws.base}/campaigns/${c.id}/edit`)}>{t('campaigns.actions.edit')}</Button> : null}
                    {canEdit && allowed.has('publish') ? <Button type="link" size="small" onClick={() => act('publish', c)}>{t('campaigns.actions.publish')}</Button> : null}
                    {more.length ? (
                      <Dropdown trigger={['click']} menu={{ items: more, onClick: ({ key }) => act(key as 'copy' | 'end' | 'delete', c) }}>
                        <Button type="text" size="small" icon={<EllipsisOutlined />} aria-label={t('campaigns.actions.more')} />
                      </Dropdown>
                    ) : null}
                  </Space>
                );
              },
            },
          ]}
        />
      </Card>
    </div>
  );
}
