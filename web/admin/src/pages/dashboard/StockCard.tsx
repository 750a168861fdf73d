// Prizes per tier: target, who completed it, prizes won and issued, stock left of stock total.
import { Card, Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignStats } from '../../api/campaign-types.ts';
import { formatInt } from '../../lib/format.ts';

export function StockCard({ tiers }: { tiers: CampaignStats['tiers'] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" className="dash-card" title={t('dashboard.stock')} data-testid="stock-card">
      <Table
        size="small"
        pagination={false}
        rowKey="tierNo"
        dataSource={tiers}
        columns={[
          { title: t('wizard.review.tier'), dataIndex: 'tierNo', render: (n: number) => t(`wizard.tiers.names.t${n}` as 'wizard.tiers.names.t1') },
          { title: t('wizard.tiers.target'), dataIndex: 'target', align: 'right', render: (n: number) => t('dashboard.targetFriends', { n: formatInt(n) }) },
          { title: t('dashboard.tierCols.completed'), dataIndex: 'completed', align: 'right', render: formatInt },
          { title: t('dashboard.tierCols.won'), dataIndex: 'won', align: 'right', render: formatInt },
          { title: t('dashboard.tierCols.issued'), dataIndex: 'issued', align: 'right', render: formatInt },
          {
            title: t('dashboard.tierCols.stock'), width: 200,
            render: (_v, r) => (
              <div className="cell-stock">
                <span>{t('dashboard.stockOf', { left: formatInt(r.stockLeft), total: formatInt(r.stockTotal) })}</span>
                <Progress percent={r.stockTotal ? Math.round((r.stockLeft / r.stockTotal) * 100) : 0} showInfo={false} size="small" status={r.stockLeft === 0 ? 'exception' : 'normal'} />
              </div>
            ),
          },
        ]}
      />
    </Card>
  );
}
