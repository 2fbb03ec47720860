/** The Chart.js plugins bcid draws with: background, footer, threshold names, quadrant, value and point labels. */
import type { Chart, Plugin } from 'chart.js';
import type { ChartSpec } from '../report/charts/spec.js';
import type { Locale } from '../report/locale.js';
import { CHART_THEME } from './chart-theme.js';
import { directed, fitText, formatTick } from './chart-text.js';

/**
 * White background drawn before everything else. chartjs-node-canvas's own
 * `backgroundColour` paints with `destination-over`, which cairo's SVG backend cannot
 * express, so it rasterises the whole chart into one embedded bitmap; this does not.
 */
export const backgroundPlugin: Plugin = {
  id: 'bcidBackground',
  beforeDraw(chart: Chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = CHART_THEME.colours.background;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Footer: scenario and source, bottom left (bottom right in Arabic). */
export function footerPlugin(spec: ChartSpec): Plugin {
  return {
    id: 'bcidFooter',
    afterDraw(chart: Chart) {
      const { ctx, width, height } = chart;
      ctx.save();
      ctx.font = `12px "${CHART_THEME.font}"`;
      ctx.fillStyle = CHART_THEME.colours.muted;
      ctx.textBaseline = 'bottom';
      ctx.textAlign = spec.dir === 'rtl' ? 'right' : 'left';
      const text = fitText(ctx, directed(spec.footer, spec.dir), width - 24);
      ctx.fillText(text, spec.dir === 'rtl' ? width - 12 : 12, height - 6);
      ctx.restore();
    },
  };
}

/** Each threshold line is named at its right end, so it reads without the legend. */
export function thresholdLabelsPlugin(spec: ChartSpec): Plugin {
  return {
    id: 'bcidThresholdLabels',
    afterDatasetsDraw(chart: Chart) {
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.font = `bold 12px "${CHART_THEME.font}"`;
      ctx.fillStyle = CHART_THEME.colours.text;
      ctx.textAlign = 'right';
      ctx.textBaseline = 'bottom';
      spec.series.forEach((s, i) => {
        if (s.kind !== 'line' || s.role !== 'threshold') return;
        const meta = chart.getDatasetMeta(i);
        let last = -1;
        s.data.forEach((v, j) => {
          if (v !== null) last = j;
        });
        const el = last >= 0 ? meta.data[last] : undefined;
        if (!el) return;
        const { y } = el.getProps(['y'], true) as { y: number };
        if (y < chartArea.top + 12 || y > chartArea.bottom) return;
        const text = directed(s.label, spec.dir);
        ctx.strokeStyle = CHART_THEME.colours.halo;
        ctx.lineWidth = 4;
        ctx.lineJoin = 'round';
        ctx.strokeText(text, chartArea.right - 4, y - 4);
        ctx.fillText(text, chartArea.right - 4, y - 4);
      });
      ctx.restore();
    },
  };
}

/** The IPF quadrant: dividing lines at the medians and the four corner labels. */
export function quadrantPlugin(spec: ChartSpec): Plugin {
  const q = spec.quadrant!;
  return {
    id: 'bcidQuadrant',
    beforeDatasetsDraw(chart: Chart) {
      const { ctx, chartArea: a, scales } = chart;
      const x = scales.x!.getPixelForValue(q.x);
      const y = scales.y!.getPixelForValue(q.y);
      ctx.save();
      ctx.strokeStyle = CHART_THEME.colours.quadrantLine;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(x, a.top);
      ctx.lineTo(x, a.bottom);
      ctx.moveTo(a.left, y);
      ctx.lineTo(a.right, y);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = `bold 14px "${CHART_THEME.font}"`;
      ctx.fillStyle = CHART_THEME.colours.quadrantCorner;
      const pad = 10;
      const corner = (text: string, cx: number, cy: number, align: 'left' | 'right', base: 'top' | 'bottom') => {
        ctx.textAlign = align;
        ctx.textBaseline = base;
        ctx.fillText(directed(text, spec.dir), cx, cy);
      };
      corner(q.labels.topRight, a.right - pad, a.top + pad, 'right', 'top');
      corner(q.labels.topLeft, a.left + pad, a.top + pad, 'left', 'top');
      corner(q.labels.bottomRight, a.right - pad, a.bottom - pad, 'right', 'bottom');
      corner(q.labels.bottomLeft, a.left + pad, a.bottom - pad, 'left', 'bottom');
      ctx.font = `11px "${CHART_THEME.font}"`;
      ctx.fillStyle = CHART_THEME.colours.quadrantLineLabel;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'bottom';
      ctx.fillText(directed(q.lineLabel, spec.dir), x + 4, a.bottom - 24);
      ctx.textAlign = 'right';
      ctx.fillText(directed(q.lineLabel, spec.dir), a.right - 4, y - 3);
      ctx.restore();
    },
  };
}

/** Values at the end of the bars of the first dataset (single-series bar charts). */
export function valueLabelsPlugin(spec: ChartSpec, L: Locale): Plugin {
  return {
    id: 'bcidValueLabels',
    afterDatasetsDraw(chart: Chart) {
      const { ctx } = chart;
      const meta = chart.getDatasetMeta(0);
      const data = chart.data.datasets[0]?.data ?? [];
      ctx.save();
      ctx.font = `12px "${CHART_THEME.font}"`;
      ctx.fillStyle = CHART_THEME.colours.text;
      ctx.textBaseline = 'middle';
      meta.data.forEach((el, i) => {
        const v = data[i];
        if (typeof v !== 'number') return;
        const text = directed(formatTick(v, spec.y.format, 0.5, L), spec.dir);
        const { x, y } = el.getProps(['x', 'y'], true) as { x: number; y: number };
        if (spec.horizontal) {
          ctx.textAlign = 'left';
          ctx.fillText(text, x + 6, y);
        } else {
          ctx.textAlign = 'center';
          ctx.fillText(text, x, y - 10);
        }
      });
      ctx.restore();
    },
  };
}

/** Project codes next to the bubbles. */
export function pointLabelsPlugin(spec: ChartSpec): Plugin {
  return {
    id: 'bcidPointLabels',
    afterDatasetsDraw(chart: Chart) {
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.font = `11px "${CHART_THEME.font}"`;
      ctx.fillStyle = CHART_THEME.colours.pointLabel;
      ctx.textBaseline = 'middle';
      spec.series.forEach((s, di) => {
        if (s.kind !== 'bubble') return;
        const meta = chart.getDatasetMeta(di);
        s.points.forEach((p, i) => {
          const el = meta.data[i];
          if (!el) return;
          const { x, y } = el.getProps(['x', 'y'], true) as { x: number; y: number };
          const width = ctx.measureText(p.label).width;
          const right = x + p.r + 3 + width <= chartArea.right;
          ctx.textAlign = right ? 'left' : 'right';
          ctx.fillText(p.label, right ? x + p.r + 3 : x - p.r - 3, y);
        });
      });
      ctx.restore();
    },
  };
}
