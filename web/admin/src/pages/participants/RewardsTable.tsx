// Rewards won in a campaign with the winner's delivery details; batch "mark as issued".
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AddressForm, Reward, RewardStatus } from '../../api/campaign-types.ts';
import { canAct, useWorkspace } from '../../app/workspace.ts';
import { paths } from '../../lib/paths.ts';
import { formatTime } from '../../lib/time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ClaimForm, Person, RewardTag } from './labels.tsx';
import { usePages } from './use-pages.ts';
import { useIssueRewards } from './issue-rewards.ts';
import { ExportButton } from './ExportButton.tsx';

interface RewardItem {
  id: number;
  participantId: number;
  tierNo: number;
  status: RewardStatus;
  reward: Reward;
  claimForm: AddressForm | null;
  redeemCode: string | null;
  createdAt: string;
  issuedAt: string | null;
  participant: { externalUserId: string; nickname: string; avatar: string | null };
}

export function RewardsTable({ campaignId, tiers }: { campaignId: string; tiers: number }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [status, setStatus] = useState<RewardStatus | undefined>();
  const [tierNo, setTierNo] = useState<number | undefined>();
  const [selected, setSelected] = useState<number[]>([]);
  const list = usePages<RewardItem>(paths.rewards(ws.apiBase, campaignId), { status, tierNo, limit: 50 });
  const issue = useIssueRewards(ws.apiBase, campaignId, () => { setSelected([]); list.reload(); });
  const canEdit = canAct(ws.role, 'operator');

  if (list.error && !list.items.length) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <Card size="small" className="table-card">
      <div className="table-toolbar">
        <Space>
          <Select allowClear placeholder={t('participants.filters.rewardStatus')} style={{ width: 140 }} value={status} onChange={(v) => { setSelected([]); setStatus(v); }}
            options={(['reserved', 'claimed', 'issued'] as const).map((s) => ({ value: s, label: t(`participants.rewardStatus.${s}`) }))} />
          <Select allowClear placeholder={t('participants.filters.tier')} style={{ width: 140 }} value={tierNo} onChange={(v) => { setSelected([]); setTierNo(v); }}
            options={Array.from({ length: tiers }, (_, i) => ({ value: i + 1, label: t(`wizard.tiers.names.t${i + 1}` as 'wizard.tiers.names.t1') }))} />
        </Space>
        <Space>
          {canEdit ? (
            <>
              <Typography.Text type="secondary">{t('participants.selected', { n: selected.length })}</Typography.Text>
              <Button type="primary" disabled={!selected.length} onClick={() => issue(selected)} data-testid="batch-issue-rewards">{t('participants.markIssued')}</Button>
            </>
          ) : null}
          <ExportButton />
        </Space>
      </div>
      <Table<RewardItem>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        rowSelection={canEdit ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), getCheckboxProps: (r) => ({ disabled: r.status === 'issued' || (r.status === 'reserved' && r.reward.type === 'physical') }) } : undefined}
        locale={{ emptyText: <Typography.Text type="secondary">{t('participants.noRewards')}</Typography.Text> }}
        columns={[
          { title: t('participants.columns.winner'), render: (_v, r) => <Link to={`${ws.base}/campaigns/${campaignId}/participants/${r.participantId}`}><Person nickname={r.participant.nickname} avatar={r.participant.avatar} /></Link> },
          { title: t('participants.columns.reward'), render: (_v, r) => <Space orientation="vertical" size={0}><RewardTag tierNo={r.tierNo} status={r.status} /><span>{r.reward.name} · {t(`wizard.rewardTypes.${r.reward.type}.title`)}</span></Space> },
          { title: t('participants.columns.claim'), width: 300, render: (_v, r) => (r.redeemCode ? <Typography.Text code>{r.redeemCode}</Typography.Text> : r.reward.type === 'physical' ? <ClaimForm form={r.claimForm} /> : <Typography.Text type="secondary">{t(`wizard.rewardTypes.${r.reward.type}.title`)}</Typography.Text>) },
          { title: t('participants.columns.wonAt'), width: 150, render: (_v, r) => formatTime(r.createdAt) },
          { title: t('participants.columns.issuedAt'), width: 150, render: (_v, r) => (r.issuedAt ? formatTime(r.issuedAt) : <Typography.Text type="secondary">–</Typography.Text>) },
        ]}
      />
      {list.hasMore ? <div className="load-more"><Button onClick={list.more} loading={list.loading}>{t('participants.loadMore')}</Button></div> : null}
    </Card>
  );
}
