// The five figures operators check first, for today and for the whole campaign.
import { Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CampaignStats } from '../../api/campaign-types.ts';
import { formatInt, formatRate } from '../../lib/format.ts';

export function StatCards({ stats }: { stats: CampaignStats }) {
  const { t } = useTranslation();
  const cards: Array<{ key: 'participants' | 'completed' | 'newFriends' | 'lostFriends' | 'retention'; total: string; today: string }> = [
    { key: 'participants', total: formatInt(stats.participants.total), today: formatInt(stats.participants.today) },
    { key: 'completed', total: formatInt(stats.completed.total), today: formatInt(stats.completed.today) },
    { key: 'newFriends', total: formatInt(stats.friends.new.total), today: formatInt(stats.friends.new.today) },
    { key: 'lostFriends', total: formatInt(stats.friends.lost.total), today: formatInt(stats.friends.lost.today) },
    { key: 'retention', total: formatRate(stats.friends.retention.total), today: formatRate(stats.friends.retention.today) },
  ];
  return (
    <Row gutter={[12, 12]} className="stat-row">
      {cards.map((c) => (
        <Col key={c.key} flex="1 1 0">
          <Card size="small" className="stat-card" data-testid={`stat-${c.key}`}>
            <Statistic
              title={<span>{t(`dashboard.cards.${c.key}.title`)} <Tooltip title={t(`dashboard.cards.${c.key}.help`)}><QuestionCircleOutlined className="help-icon" /></Tooltip></span>}
              value={c.total}
            />
            <Typography.Text type="secondary" className="stat-today">{t('dashboard.today')} <strong>{c.today}</strong></Typography.Text>
            {c.key === 'completed' ? <Typography.Text type="secondary" className="stat-extra">{t('dashboard.completionRate', { rate: formatRate(stats.completed.rate) })}</Typography.Text> : null}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
