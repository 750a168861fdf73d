// One ECharts instance bound to a div: follows the option, resizes with its box, disposes on unmount.
import { useEffect, useRef } from 'react';
import { echarts, PALETTE } from '../lib/echarts.ts';
import { reducedMotion } from '../lib/motion.ts';
import type { EChartsCoreOption } from 'echarts/core';

export function EChart({ option, height = 280, testId, onEvent }: { option: EChartsCoreOption; height?: number; testId?: string; onEvent?: { click?: (params: unknown) => void } }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  // The dashboard re-polls every few seconds; drawing the same figures again would hide the
  // tooltip an operator is reading. Options differ only in data (formatters are fixed), which
  // JSON compares.
  const drawn = useRef<string | null>(null);
  useEffect(() => {
    const json = JSON.stringify(option);
    if (json === drawn.current) return;
    drawn.current = json;
    const tooltip = (option as { tooltip?: object }).tooltip;
    chart.current?.setOption(
      { color: PALETTE, animation: !reducedMotion, animationDuration: 300, ...option, ...(tooltip && reducedMotion ? { tooltip: { ...tooltip, transitionDuration: 0 } } : {}) },
      { notMerge: true },
    );
  }, [option]);

  useEffect(() => {
    const c = chart.current;
    if (!c || !onEvent?.click) return;
    c.on('click', onEvent.click);
    return () => {
      if (!c.isDisposed()) c.off('click', onEvent.click);
    };
  }, [onEvent]);

  return <div ref={el} style={{ height, width: '100%' }} data-testid={testId} />;
}
