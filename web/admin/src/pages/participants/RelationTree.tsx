// 人脉层级: the inviter chain above a participant and the friends who helped them, as an ECharts
// tree. Nicknames are drawn on the canvas; the tooltip (HTML) escapes them.
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart.tsx';
import { escapeHtml } from '../../lib/echarts.ts';
import type { ParticipantDetail } from '../../api/campaign-types.ts';

interface Node {
  name: string;
  value: string;
  participantId: number | null;
  children?: Node[];
  itemStyle?: Record<string, unknown>;
  label?: Record<string, unknown>;
}

const MAX_LABEL = 10;
const short = (s: string) => ([...s].length > MAX_LABEL ? `${[...s].slice(0, MAX_LABEL - 1).join('')}…` : s);

export function RelationTree({ p, base }: { p: ParticipantDetail; base: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  const option = useMemo(() => {
    const unnamed = t('participants.noNickname');
    const helpers: Node[] = p.helps.recent.filter((h) => h.status !== 'invalid').map((h) => ({
      name: short(h.helperNickname || unnamed),
      value: t(`participants.helpStatus.${h.status}`) + ' · ' + (h.helperNickname || unnamed),
      participantId: h.helperParticipantId,
      itemStyle: { color: h.status === 'valid' ? '#009e73' : '#bfbfbf' },
    }));
    let node: Node = {
      name: short(p.nickname || unnamed),
      value: t('participants.tree.self', { level: p.level }) + ' · ' + (p.nickname || unnamed),
      participantId: null,
      children: helpers,
      itemStyle: { color: '#2f5bea', borderColor: '#2f5bea' },
      label: { fontWeight: 'bold' },
    };
    for (const inviter of p.inviterChain) {
      node = { name: short(inviter.nickname || unnamed), value: t('participants.tree.inviter', { level: inviter.level }) + ' · ' + (inviter.nickname || unnamed), participantId: inviter.id, children: [node], itemStyle: { color: '#e69f00' } };
    }
    return {
      tooltip: { trigger: 'item', formatter: (x: unknown) => escapeHtml(String((x as { data: Node }).data.value)) },
      series: [{
        type: 'tree',
        data: [node],
        orient: 'TB',
        top: 24, bottom: 40, left: 24, right: 24,
        symbol: 'circle',
        symbolSize: 12,
        initialTreeDepth: -1,
        expandAndCollapse: false,
        label: { position: 'top', distance: 6, fontSize: 12, color: '#1f2329' },
        leaves: { label: { position: 'bottom', rotate: helpers.length > 8 ? -40 : 0, align: helpers.length > 8 ? 'left' : 'center', verticalAlign: 'middle' } },
        lineStyle: { color: '#c9cdd4', curveness: 0.4 },
      }],
    };
  }, [p, t]);

  const onEvent = useMemo(() => ({
    click: (e: unknown) => {
      const id = (e as { data?: Node }).data?.participantId;
      if (id) navigate(`${base}/${id}`);
    },
  }), [navigate, base]);

  if (!p.inviterChain.length && !p.helps.recent.some((h) => h.status !== 'invalid')) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('participants.tree.empty')} style={{ padding: '40px 0' }} />;
  }
  const height = Math.max(260, 90 * (p.inviterChain.length + 2));
  return <EChart option={option} height={Math.min(height, 640)} testId="relation-tree" onEvent={onEvent} />;
}
