// Participants of a campaign (seed 000 §三(二)4): who, friend status, valid helps, tiers reached,
// rewards and their claim forms; filters, search, and batch "mark as issued". Keyset pages.
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Button, Card, Input, Select, Space, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import type { CampaignView, ParticipantDetail, ParticipantListItem, RewardRow, RewardStatus } from '../../api/campaign-types.ts';
import { canAct, useWorkspace } from '../../app/workspace.ts';
import { paths } from '../../lib/paths.ts';
import { formatTime } from '../../lib/time.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ClaimForm, GenderText, Person, RewardTag } from './labels.tsx';
import { usePages } from './use-pages.ts';
import { useIssueRewards } from './issue-rewards.ts';
import { RewardsTable } from './RewardsTable.tsx';

interface Filters {
  search?: string;
  friendStatus?: 'friend' | 'lost';
  completedTier?: number;
  rewardStatus?: RewardStatus | 'none';
  sort: 'recent' | 'helps';
}

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
        title={campaign.data?.name ?? t('participants.title')}
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

function ParticipantsTable({ campaignId, tiers }: { campaignId: string; tiers: number }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [filters, setFilters] = useState<Filters>({ sort: 'recent' });
  const [selected, setSelected] = useState<ParticipantListItem[]>([]);
  const list = usePages<ParticipantListItem>(paths.participants(ws.apiBase, campaignId), { ...filters, limit: 50 });
  const issue = useIssueRewards(ws.apiBase, campaignId, () => { setSelected([]); list.reload(); });
  const canEdit = canAct(ws.role, 'operator');
  const set = (patch: Partial<Filters>) => { setSelected([]); setFilters((f) => ({ ...f, ...patch })); };
  const tierOptions = Array.from({ length: tiers }, (_, i) => ({ value: i + 1, label: t(`wizard.tiers.names.t${i + 1}` as 'wizard.tiers.names.t1') }));

  if (list.error && !list.items.length) return <ErrorState error={list.error} onRetry={list.reload} />;

  const issuable = selected.flatMap((p) => p.rewards.filter((r) => r.status !== 'issued').map((r) => r.id));
  return (
    <Card size="small" className="table-card">
      <div className="table-toolbar">
        <Space wrap>
          <Input.Search allowClear placeholder={t('participants.search')} style={{ width: 260 }} onSearch={(v) => set({ search: v.trim() || undefined })} data-testid="participant-search" />
          <Select allowClear placeholder={t('participants.filters.friendStatus')} style={{ width: 140 }} value={filters.friendStatus} onChange={(v) => set({ friendStatus: v })}
            options={(['friend', 'lost'] as const).map((s) => ({ value: s, label: t(`participants.friendStatus.${s}`) }))} />
          <Select allowClear placeholder={t('participants.filters.completedTier')} style={{ width: 140 }} value={filters.completedTier} onChange={(v) => set({ completedTier: v })} options={tierOptions} />
          <Select allowClear placeholder={t('participants.filters.rewardStatus')} style={{ width: 140 }} value={filters.rewardStatus} onChange={(v) => set({ rewardStatus: v })}
            options={(['none', 'reserved', 'claimed', 'issued'] as const).map((s) => ({ value: s, label: t(`participants.rewardStatus.${s}`) }))} />
          <Select style={{ width: 150 }} value={filters.sort} onChange={(v) => set({ sort: v })} options={(['recent', 'helps'] as const).map((s) => ({ value: s, label: t(`participants.sort.${s}`) }))} aria-label={t('participants.sortLabel')} />
        </Space>
        {canEdit ? (
          <Space>
            <Typography.Text type="secondary">{t('participants.selected', { n: selected.length })}</Typography.Text>
            <Button type="primary" disabled={!selected.length} onClick={() => issue(issuable)} data-testid="batch-issue">{t('participants.markIssued')}</Button>
          </Space>
        ) : null}
      </div>
      <Table<ParticipantListItem>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        rowSelection={canEdit ? { selectedRowKeys: selected.map((p) => p.id), onChange: (_k, rows) => setSelected(rows) } : undefined}
        expandable={{ expandedRowRender: (p) => <ClaimForms campaignId={campaignId} participantId={p.id} />, rowExpandable: (p) => p.rewards.length > 0 }}
        locale={{ emptyText: <Typography.Text type="secondary">{Object.keys(filters).length > 1 ? t('participants.noMatch') : t('participants.empty')}</Typography.Text> }}
        columns={[
          { title: t('participants.columns.participant'), render: (_v, p) => <Link to={`${ws.base}/campaigns/${campaignId}/participants/${p.id}`}><Person nickname={p.nickname} avatar={p.avatar} sub={`#${p.id}`} /></Link> },
          { title: t('participants.columns.gender'), width: 70, render: (_v, p) => <GenderText gender={p.gender} /> },
          { title: t('participants.columns.friendStatus'), width: 96, render: (_v, p) => <Typography.Text type={p.friendStatus === 'lost' ? 'danger' : undefined}>{t(`participants.friendStatus.${p.friendStatus}`)}</Typography.Text> },
          { title: t('participants.columns.validHelps'), width: 96, align: 'right', dataIndex: 'validHelps' },
          { title: t('participants.columns.level'), width: 80, align: 'right', render: (_v, p) => t('dashboard.levelN', { n: p.level }) },
          { title: t('participants.columns.tier'), width: 110, render: (_v, p) => (p.completedTiers.length ? t(`wizard.tiers.names.t${Math.max(...p.completedTiers)}` as 'wizard.tiers.names.t1') : <Typography.Text type="secondary">{t('participants.notCompleted')}</Typography.Text>) },
          { title: t('participants.columns.rewards'), render: (_v, p) => (p.rewards.length ? p.rewards.map((r) => <RewardTag key={r.id} tierNo={r.tierNo} status={r.status} />) : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>) },
          { title: t('participants.columns.joinedAt'), width: 150, render: (_v, p) => formatTime(p.joinedAt) },
        ]}
      />
      {list.hasMore ? <div className="load-more"><Button onClick={list.more} loading={list.loading}>{t('participants.loadMore')}</Button></div> : null}
    </Card>
  );
}

/** The claim forms of one participant's rewards, loaded when the row is opened. */
function ClaimForms({ campaignId, participantId }: { campaignId: string; participantId: number }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const res = useApi<ParticipantDetail>(paths.participant(ws.apiBase, campaignId, participantId));
  if (res.error) return <Typography.Text type="danger">{t('participants.detailFailed')}</Typography.Text>;
  if (!res.data) return <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  return (
    <div className="claim-forms">
      {res.data.rewards.map((r: RewardRow) => (
        <div key={r.id} className="claim-form">
          <RewardTag tierNo={r.tierNo} status={r.status} />
          <span className="claim-reward">{r.reward.name}</span>
          {r.redeemCode ? <Typography.Text code>{r.redeemCode}</Typography.Text> : <ClaimForm form={r.claimForm} />}
        </div>
      ))}
    </div>
  );
}
