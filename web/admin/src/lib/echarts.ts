// ECharts with only what the console draws (tree-shaken), and the escaping every tooltip needs:
// ECharts renders tooltip formatter strings as HTML, so user text (nicknames) goes through escapeHtml.
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, LineChart, TreeChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, FunnelChart, LineChart, TreeChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** Calm colours that stay apart for colour-blind readers (Okabe–Ito based). */
export const PALETTE = ['#2f5bea', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#7a7a7a'];
