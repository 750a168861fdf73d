// The trend card: participants, completions and friends gained and lost by hour (one day, picked
// in the campaign's window), day, week or month. Hours come from …/stats/hourly and refresh with
// the dashboard while the day shown is today.
import { useMemo, useState } from 'react';
import { Card, DatePicker, Empty, Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useApi } from '../../api/use-api.ts';
import type { CampaignStats, CampaignView, HourlyStats } from '../../api/campaign-types.ts';
import { useWorkspace } from '../../app/workspace.ts';
import { paths } from '../../lib/paths.ts';
import { ZONE } from '../../lib/time.ts';
import { TrendChart } from './Charts.tsx';
import { hourlyPoints, periodLabel, trendPoints, type Granularity } from './trend.ts';

const shanghaiDay = (iso: string) => dayjs(iso).tz(ZONE).format('YYYY-MM-DD');

export function TrendCard({ campaign: c, stats, pollMs }: { campaign: CampaignView; stats: CampaignStats; pollMs: number }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  // The campaign's days so far: from its start to today, or to its end once it is over.
  const first = shanghaiDay(c.config.startAt);
  const endDay = shanghaiDay(c.endedAt ?? c.config.endAt);
  const last = endDay < stats.today ? endDay : stats.today;
  // In its first two days a campaign's days are one or two dots: its hours say more.
  const [granularity, setGranularity] = useState<Granularity>(() => (dayjs(last).diff(first, 'day') < 2 ? 'hour' : 'day'));
  const [day, setDay] = useState(() => (last < first ? stats.today : last));
  const hourly = useApi<{ day: string; hours: HourlyStats[] }>(granularity === 'hour' ? paths.campaignHourly(ws.apiBase, c.id, day) : null, { pollMs: day === stats.today ? pollMs : 0 });

  const points = useMemo(() => {
    if (granularity === 'hour') {
      if (hourly.data?.day !== day) return [];
      // Today's hours still to come are not zeros yet: they are left out.
      const now = dayjs().tz(ZONE).format('YYYY-MM-DDTHH');
      return hourlyPoints(hourly.data.hours.filter((h) => h.hour <= now));
    }
    return trendPoints(stats.daily, granularity, first < last ? first : last, last);
  }, [granularity, hourly.data, day, stats.daily, first, last]);
  const labelled = useMemo(() => points.map((p) => ({ ...p, label: periodLabel(p.label, granularity, (k, o) => (k === 'dashboard.weekOf' ? t(k, { day: o.day }) : t(k, { year: o.year, month: o.month }))) })), [points, granularity, t]);

  return (
    <Card
      size="small"
      className="dash-card"
      title={t('dashboard.trend')}
      extra={
        <Space size={8}>
          {granularity === 'hour' ? (
            <DatePicker
              size="small"
              allowClear={false}
              value={dayjs(day)}
              onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))}
              disabledDate={(d) => d.format('YYYY-MM-DD') < first || d.format('YYYY-MM-DD') > last}
              aria-label={t('dashboard.trendDay')}
              data-testid="trend-day"
            />
          ) : null}
          <Segmented<Granularity>
            size="small"
            value={granularity}
            onChange={setGranularity}
            options={(['hour', 'day', 'week', 'month'] as const).map((g) => ({ value: g, label: t(`dashboard.granularity.${g}`) }))}
            data-testid="trend-granularity"
          />
        </Space>
      }
    >
      {!stats.participants.total ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={c.status === 'draft' ? t('dashboard.noDataDraft') : t('dashboard.noData')} className="chart-empty" />
      ) : granularity === 'hour' && hourly.error ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.statsFailed')} className="chart-empty" />
      ) : (
        <TrendChart points={labelled} loading={granularity === 'hour' && !points.length} />
      )}
    </Card>
  );
}
