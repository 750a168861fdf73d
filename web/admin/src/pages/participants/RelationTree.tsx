// 人脉层级: the inviter chain above a participant, the friends who helped them and the people those
// brought in (three levels down), as an ECharts tree. Nicknames are drawn on the canvas; the
// tooltip (HTML) escapes them.
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { Empty, Typography } from 'antd';
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
    // Many people side by side: their names slant below them instead of running into each other.
    const helperCount = p.helps.recent.filter((h) => h.status !== 'invalid').length;
    const crowded = helperCount > 8 || p.downline.length > 8;
    const slanted = crowded ? { position: 'bottom', rotate: -40, align: 'left', verticalAlign: 'middle' } : undefined;
    // The people each one brought in, from the downline (listed level by level).
    const below = new Map<number, ParticipantDetail['downline']>();
    for (const d of p.downline) below.set(d.inviterId, [...(below.get(d.inviterId) ?? []), d]);
    const subtree = (id: number | null): Node[] | undefined => {
      const kids = id === null ? undefined : below.get(id);
      return kids?.map((d) => ({
        name: short(d.nickname || unnamed),
        value: t('participants.tree.invitee', { level: d.level, count: d.validHelps }) + ' · ' + (d.nickname || unnamed),
        participantId: d.id,
        children: subtree(d.id),
        itemStyle: { color: '#56b4e9' },
        label: slanted,
      }));
    };
    const helpers: Node[] = p.helps.recent.filter((h) => h.status !== 'invalid').map((h) => ({
      name: short(h.helperNickname || unnamed),
      value: t(`participants.helpStatus.${h.status}`) + ' · ' + (h.helperNickname || unnamed),
      participantId: h.helperParticipantId,
      children: subtree(h.helperParticipantId),
      label: slanted,
      itemStyle: { color: h.status === 'valid' ? '#009e73' : '#bfbfbf' },
    }));
    // Invitees whose help did not count (e.g. not a new customer) are still theirs.
    const shown = new Set(helpers.map((h) => h.participantId));
    const others = (subtree(p.id) ?? []).filter((n) => !shown.has(n.participantId));
    let node: Node = {
      name: short(p.nickname || unnamed),
      value: t('participants.tree.self', { level: p.level }) + ' · ' + (p.nickname || unnamed),
      participantId: null,
      children: [...helpers, ...others],
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
        top: 36, bottom: crowded ? 72 : 40, left: 24, right: 24,
        symbol: 'circle',
        symbolSize: 12,
        initialTreeDepth: -1,
        expandAndCollapse: false,
        label: { position: 'top', distance: 6, fontSize: 12, color: '#1f2329' },
        leaves: { label: { position: 'bottom', rotate: crowded ? -40 : 0, align: crowded ? 'left' : 'center', verticalAlign: 'middle' } },
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

  if (!p.inviterChain.length && !p.downline.length && !p.helps.recent.some((h) => h.status !== 'invalid')) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('participants.tree.empty')} style={{ padding: '40px 0' }} />;
  }
  const depthBelow = Math.max(1, ...p.downline.map((d) => d.level - p.level));
  const height = Math.max(260, 110 * (p.inviterChain.length + 1 + depthBelow));
  return (
    <>
      <EChart option={option} height={Math.min(height, 640)} testId="relation-tree" onEvent={onEvent} />
      {p.downlineTruncated && <Typography.Text type="secondary" data-testid="tree-truncated">{t('participants.tree.truncated', { n: p.downline.length })}</Typography.Text>}
    </>
  );
}
