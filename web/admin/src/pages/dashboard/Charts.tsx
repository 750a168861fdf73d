// The dashboard's charts. Labels are our own translated words and numbers; the tooltip formatters
// still escape what they print, so nothing in a chart is ever read as HTML.
import { useMemo } from 'react';
import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart.tsx';
import { escapeHtml } from '../../lib/echarts.ts';
import type { CampaignStats } from '../../api/campaign-types.ts';
import { METRICS, type TrendPoint } from './trend.ts';

interface AxisParam {
  axisValueLabel: string;
  marker: string;
  seriesName: string;
  value: number;
}

const axisTooltip = (params: unknown) => {
  const list = params as AxisParam[];
  return [escapeHtml(list[0]?.axisValueLabel ?? ''), ...list.map((p) => `${p.marker}${escapeHtml(p.seriesName)}: <b>${Number(p.value)}</b>`)].join('<br/>');
};

export function TrendChart({ points, loading }: { points: TrendPoint[]; loading?: boolean }) {
  const { t } = useTranslation();
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis', formatter: axisTooltip },
    legend: { top: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 4 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => p.label), boundaryGap: false, axisLine: { lineStyle: { color: '#c9cdd4' } } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f4' } } },
    series: METRICS.map((m) => ({ name: t(`dashboard.metrics.${m}`), type: 'line', smooth: 0.2, showSymbol: points.length < 40, symbolSize: 5, data: points.map((p) => p.values[m]) })),
  }), [points, t]);
  if (loading) return <div className="chart-loading" style={{ height: 300 }}><Spin /></div>;
  return <EChart option={option} height={300} testId="trend-chart" />;
}

/** Levels up to the deepest one reached (at least three), and "other" only when someone is there. */
export function shownLevels(levels: CampaignStats['levels']): CampaignStats['levels'] {
  const numbered = levels.filter((l) => l.level !== 'other');
  const deepest = numbered.reduce((d, l, i) => (l.participants > 0 ? i : d), -1);
  const other = levels.find((l) => l.level === 'other');
  return [...numbered.slice(0, Math.max(3, deepest + 1)), ...(other && other.participants > 0 ? [other] : [])];
}

export function LevelChart({ levels: all }: { levels: CampaignStats['levels'] }) {
  const { t } = useTranslation();
  const levels = useMemo(() => shownLevels(all), [all]);
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: levels.map((l) => (l.level === 'other' ? t('dashboard.levelOther') : t('dashboard.levelN', { n: l.level }))), axisLabel: { interval: 0, fontSize: 11 }, axisLine: { lineStyle: { color: '#c9cdd4' } } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f4' } } },
    series: [{ name: t('dashboard.metrics.participants'), type: 'bar', barMaxWidth: 36, label: { show: true, position: 'top', fontSize: 11, color: '#646a73' }, itemStyle: { borderRadius: [3, 3, 0, 0] }, data: levels.map((l) => l.participants) }],
  }), [levels, t]);
  return <EChart option={option} height={260} testId="level-chart" />;
}

export function FunnelChart({ funnel }: { funnel: CampaignStats['funnel'] }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const shared = funnel.shared_not_completed + funnel.completed;
    const rows = [
      { name: t('dashboard.funnel.participants'), value: funnel.participants },
      { name: t('dashboard.funnel.shared'), value: shared },
      { name: t('dashboard.funnel.completed'), value: funnel.completed },
    ];
    const pct = (v: number) => (funnel.participants ? `${((v / funnel.participants) * 100).toFixed(1)}%` : '–');
    return {
      tooltip: { trigger: 'item', formatter: (p: unknown) => { const x = p as { name: string; value: number }; return `${escapeHtml(x.name)}: <b>${Number(x.value)}</b> (${pct(x.value)})`; } },
      series: [{
        type: 'funnel', left: 8, right: 8, top: 8, bottom: 8, minSize: '24%', sort: 'none', gap: 2,
        label: { position: 'inside', color: '#fff', formatter: (p: { name: string; value: number }) => `${p.name}  ${p.value}  ${pct(p.value)}` },
        data: rows,
      }],
    };
  }, [funnel, t]);
  return <EChart option={option} height={220} testId="funnel-chart" />;
}
