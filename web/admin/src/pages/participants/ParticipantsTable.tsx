// The participants tab: who, gender, friend status, valid helps, level, tier reached, prizes and
// the claim forms winners filled in; filters, search, batch "mark as issued". Keyset pages.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ParticipantListItem, RewardStatus } from '../../api/campaign-types.ts';
import { canAct, useWorkspace } from '../../app/workspace.ts';
import { paths } from '../../lib/paths.ts';
import { formatTime } from '../../lib/time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ClaimForm, GenderText, Person, RewardTag } from './labels.tsx';
import { usePages } from './use-pages.ts';
import { useIssueRewards } from './issue-rewards.ts';
import { ExportButton } from './ExportButton.tsx';

/** A prize the operator can mark as sent now: not yet issued, and a parcel only once there is an address. */
const canIssue = (r: ParticipantListItem['rewards'][number]) => r.status === 'claimed' || (r.status === 'reserved' && r.reward.type !== 'physical');

interface Filters {
  search?: string;
  friendStatus?: 'friend' | 'lost';
  completedTier?: number;
  rewardStatus?: RewardStatus | 'none';
  sort: 'recent' | 'helps';
}

export function ParticipantsTable({ campaignId, tiers }: { campaignId: string; tiers: number }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [filters, setFilters] = useState<Filters>({ sort: 'recent' });
  const [selected, setSelected] = useState<ParticipantListItem[]>([]);
  const list = usePages<ParticipantListItem>(paths.participants(ws.apiBase, campaignId), { ...filters, limit: 50 });
  const issue = useIssueRewards(ws.apiBase, campaignId, () => { setSelected([]); list.reload(); });
  const canEdit = canAct(ws.role, 'operator');
  const set = (patch: Partial<Filters>) => { setSelected([]); setFilters((f) => ({ ...f, ...patch })); };
  const tierOptions = Array.from({ length: tiers }, (_, i) => ({ value: i + 1, label: t(`wizard.tiers.names.t${i + 1}` as 'wizard.tiers.names.t1') }));
  const filtered = Object.keys(filters).length > 1;

  if (list.error && !list.items.length) return <ErrorState error={list.error} onRetry={list.reload} />;

  const issuable = selected.flatMap((p) => p.rewards.filter(canIssue).map((r) => r.id));
  return (
    <Card size="small" className="table-card">
      <div className="table-toolbar">
        <Space wrap>
          <Input.Search allowClear placeholder={t('participants.search')} style={{ width: 260 }} onSearch={(v) => set({ search: v.trim() || undefined })} data-testid="participant-search" />
          <Select allowClear placeholder={t('participants.filters.friendStatus')} style={{ width: 140 }} value={filters.friendStatus} onChange={(v) => set({ friendStatus: v })}
            options={(['friend', 'lost'] as const).map((s) => ({ value: s, label: t(`participants.friendStatus.${s}`) }))} data-testid="filter-friend" />
          <Select allowClear placeholder={t('participants.filters.completedTier')} style={{ width: 140 }} value={filters.completedTier} onChange={(v) => set({ completedTier: v })} options={tierOptions} data-testid="filter-tier" />
          <Select allowClear placeholder={t('participants.filters.rewardStatus')} style={{ width: 140 }} value={filters.rewardStatus} onChange={(v) => set({ rewardStatus: v })}
            options={(['none', 'reserved', 'claimed', 'issued'] as const).map((s) => ({ value: s, label: t(`participants.rewardStatus.${s}`) }))} data-testid="filter-reward" />
          <Select style={{ width: 150 }} value={filters.sort} onChange={(v) => set({ sort: v })} options={(['recent', 'helps'] as const).map((s) => ({ value: s, label: t(`participants.sort.${s}`) }))} aria-label={t('participants.sortLabel')} />
        </Space>
        <Space>
          {canEdit ? (
            <>
              <Typography.Text type="secondary">{t('participants.selected', { n: selected.length })}</Typography.Text>
              <Button type="primary" disabled={!selected.length} onClick={() => issue(issuable)} data-testid="batch-issue">{t('participants.markIssued')}</Button>
            </>
          ) : null}
          <ExportButton />
        </Space>
      </div>
      <Table<ParticipantListItem>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        rowSelection={canEdit ? { selectedRowKeys: selected.map((p) => p.id), onChange: (_k, rows) => setSelected(rows), getCheckboxProps: (p) => ({ disabled: !p.rewards.some(canIssue) }) } : undefined}
        locale={{ emptyText: <Typography.Text type="secondary">{filtered ? t('participants.noMatch') : t('participants.empty')}</Typography.Text> }}
        columns={[
          { title: t('participants.columns.participant'), render: (_v, p) => <Link to={`${ws.base}/campaigns/${campaignId}/participants/${p.id}`}><Person nickname={p.nickname} avatar={p.avatar} /></Link> },
          { title: t('participants.columns.gender'), width: 64, render: (_v, p) => <GenderText gender={p.gender} /> },
          { title: t('participants.columns.friendStatus'), width: 84, render: (_v, p) => <Typography.Text type={p.friendStatus === 'lost' ? 'danger' : undefined}>{t(`participants.friendStatus.${p.friendStatus}`)}</Typography.Text> },
          { title: t('participants.columns.validHelps'), width: 84, align: 'right', dataIndex: 'validHelps' },
          { title: t('participants.columns.level'), width: 64, align: 'right', render: (_v, p) => t('dashboard.levelN', { n: p.level }) },
          { title: t('participants.columns.tier'), width: 96, render: (_v, p) => (p.completedTiers.length ? t(`wizard.tiers.names.t${Math.max(...p.completedTiers)}` as 'wizard.tiers.names.t1') : <Typography.Text type="secondary">{t('participants.notCompleted')}</Typography.Text>) },
          { title: t('participants.columns.rewards'), width: 128, render: (_v, p) => (p.rewards.length ? <Space orientation="vertical" size={2}>{p.rewards.map((r) => <RewardTag key={r.id} tierNo={r.tierNo} status={r.status} title={r.reward.name} />)}</Space> : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>) },
          {
            title: t('participants.columns.claim'), width: 240,
            render: (_v, p) => {
              // Parcels need an address: shown once filled in, "not yet" while the winner has not.
              const parcels = p.rewards.filter((r) => r.reward.type === 'physical');
              return parcels.length ? <Space orientation="vertical" size={4}>{parcels.map((r) => <ClaimForm key={r.id} form={r.claimForm} />)}</Space> : <Typography.Text type="secondary">–</Typography.Text>;
            },
          },
          { title: t('participants.columns.joinedAt'), width: 136, render: (_v, p) => formatTime(p.joinedAt) },
        ]}
      />
      {list.hasMore ? <div className="load-more"><Button onClick={list.more} loading={list.loading}>{t('participants.loadMore')}</Button></div> : null}
    </Card>
  );
}
