/** The Chart.js configuration of a ChartSpec: scales, datasets, legend and plugins. Pure. */
import type { Chart, ChartConfiguration, ChartDataset, LegendItem, Scale, TickOptions, Plugin } from 'chart.js';
import type { AxisSpec, ChartSpec, Series } from '../report/charts/spec.js';
import { createLocale, type Locale } from '../report/locale.js';
import { backgroundPlugin, footerPlugin, pointLabelsPlugin, quadrantPlugin, thresholdLabelsPlugin, valueLabelsPlugin } from './chart-plugins.js';
import { CHART_THEME } from './chart-theme.js';
import { directed, formatTick } from './chart-text.js';

function alpha(hex: string, a: number): string {
  const n = Math.round(a * 255)
    .toString(16)
    .padStart(2, '0');
  return `${hex}${n}`;
}

function axisTitle(a: AxisSpec, dir: 'ltr' | 'rtl') {
  return { display: true, text: directed(a.title, dir), color: CHART_THEME.colours.muted, font: { size: 14, family: CHART_THEME.font } };
}

function valueScale(a: AxisSpec, spec: ChartSpec, L: Locale, position: 'left' | 'right' | 'bottom', grid: boolean) {
  return {
    type: 'linear' as const,
    position,
    stacked: a.stacked ?? false,
    ...(a.min !== undefined ? { min: a.min } : {}),
    ...(a.max !== undefined ? { max: a.max } : {}),
    title: axisTitle(a, spec.dir),
    grid: { color: CHART_THEME.colours.grid, drawOnChartArea: grid },
    border: { display: false },
    ticks: {
      color: CHART_THEME.colours.muted,
      font: { size: 13, family: CHART_THEME.font },
      ...(a.step !== undefined ? { stepSize: a.step } : {}),
      callback(this: Scale, value: number | string) {
        const ticks = this.ticks;
        const step = ticks.length > 1 ? Math.abs((ticks[1]?.value ?? 0) - (ticks[0]?.value ?? 0)) : 1;
        return directed(formatTick(Number(value), a.format, step, L), spec.dir);
      },
    } as Partial<TickOptions>,
  };
}

function dataset(s: Series, spec: ChartSpec): ChartDataset {
  const label = directed(s.label, spec.dir);
  // Horizontal bars: the value axis is Chart.js's x; the spec's y axis maps onto it.
  const axis = s.kind === 'bubble' ? {} : spec.horizontal ? { xAxisID: 'x', yAxisID: 'y' } : { yAxisID: s.axis };
  switch (s.kind) {
    case 'bar':
      return {
        type: 'bar',
        label,
        data: [...s.data],
        backgroundColor: s.color,
        borderColor: s.color,
        borderWidth: 0,
        ...(s.stack ? { stack: s.stack } : {}),
        ...axis,
        order: 2,
        maxBarThickness: 48,
      } as ChartDataset;
    case 'line':
      if (s.role === 'band') {
        return {
          type: 'line',
          label,
          data: [...s.data],
          borderColor: s.color,
          backgroundColor: s.fill ?? s.color,
          borderWidth: 1,
          pointRadius: 0,
          pointHoverRadius: 0,
          fill: s.fill !== undefined ? '-1' : false,
          tension: 0,
          spanGaps: false,
          ...axis,
          order: 3,
        } as ChartDataset;
      }
      return {
        type: 'line',
        label,
        data: [...s.data],
        borderColor: s.color,
        backgroundColor: s.color,
        borderWidth: s.role === 'threshold' ? 2 : 2.5,
        borderDash: s.role === 'threshold' ? [...(s.dash ?? [8, 5])] : [...(s.dash ?? [])],
        pointRadius: s.role === 'threshold' ? 0 : 2.5,
        pointHoverRadius: 0,
        pointStyle: 'circle',
        fill: false,
        tension: 0,
        spanGaps: false,
        ...axis,
        order: s.role === 'threshold' ? 0 : 1,
      } as ChartDataset;
    case 'bubble':
      return {
        type: 'bubble',
        label,
        data: s.points.map((p) => ({ x: p.x, y: p.y, r: p.r })),
        backgroundColor: alpha(s.color, s.filled ? 0.7 : 0.12),
        borderColor: s.color,
        borderWidth: 2,
        pointStyle: s.shape,
        order: 1,
      } as ChartDataset;
  }
}

/** Legend items: thresholds and lines as (dashed) strokes, bars as squares, bubbles as their shape. */
function legendLabels(spec: ChartSpec, base: (chart: Chart) => LegendItem[]) {
  return (chart: Chart): LegendItem[] =>
    base(chart).map((item) => {
      const s = spec.series[item.datasetIndex ?? -1];
      if (!s) return item;
      if (s.kind === 'line' && s.role === 'band')
        return { ...item, pointStyle: 'rect', lineWidth: 0, fillStyle: s.fill ?? s.color, strokeStyle: s.fill ?? s.color };
      if (s.kind === 'line')
        return {
          ...item,
          pointStyle: 'line',
          lineWidth: 2.5,
          strokeStyle: s.color,
          fillStyle: s.color,
          lineDash: s.role === 'threshold' ? [...(s.dash ?? [8, 5])] : [...(s.dash ?? [])],
        };
      if (s.kind === 'bubble') return { ...item, pointStyle: s.shape, lineWidth: 2 };
      return { ...item, pointStyle: 'rect', lineWidth: 0 };
    });
}

/**
 * The Chart.js configuration for a spec: pure, so it can be inspected in tests.
 * `defaultLabels` is the legend label generator of the Chart.js copy that will draw it.
 */
export function toChartJsConfig(spec: ChartSpec, options: { scale: number; defaultLabels?: (chart: Chart) => LegendItem[] }): ChartConfiguration {
  const L = createLocale(spec.lang);
  const rtl = spec.dir === 'rtl';
  const plugins: Plugin[] = [backgroundPlugin, footerPlugin(spec), thresholdLabelsPlugin(spec)];
  if (spec.quadrant) plugins.push(quadrantPlugin(spec));
  if (spec.valueLabels) plugins.push(valueLabelsPlugin(spec, L));
  if (spec.pointLabels) plugins.push(pointLabelsPlugin(spec));

  const categoryAxis = {
    type: 'category' as const,
    stacked: spec.y.stacked ?? false,
    title: axisTitle(spec.x, spec.dir),
    grid: { display: false },
    ticks: {
      color: CHART_THEME.colours.muted,
      font: { size: 13, family: CHART_THEME.font },
      maxRotation: 0,
      autoSkip: true,
      autoSkipPadding: 8,
      callback(this: Scale, value: number | string) {
        return directed(this.getLabelForValue(Number(value)), spec.dir);
      },
    } as Partial<TickOptions>,
  };

  // Value labels sit beyond the bar's end: room above the largest value so the longest is not cut off.
  const labelRoom = spec.valueLabels && spec.y.max === undefined ? { grace: '8%' } : {};
  let scales: Record<string, unknown>;
  if (spec.layout === 'scatter') {
    scales = {
      x: valueScale(spec.x, spec, L, 'bottom', true),
      y: valueScale(spec.y, spec, L, 'left', true),
    };
  } else if (spec.horizontal) {
    scales = { y: categoryAxis, y2: undefined, x: { ...valueScale(spec.y, spec, L, 'bottom', true), ...labelRoom } };
    delete scales.y2;
  } else {
    scales = {
      x: categoryAxis,
      y: { ...valueScale(spec.y, spec, L, 'left', true), ...labelRoom },
      ...(spec.y2 ? { y2: valueScale(spec.y2, spec, L, 'right', false) } : {}),
    };
  }

  const config = {
    type: spec.layout === 'scatter' ? 'bubble' : 'bar',
    data: {
      ...(spec.layout === 'category' ? { labels: (spec.categories ?? []).map((c) => directed(c, spec.dir)) } : {}),
      datasets: spec.series.map((s) => dataset(s, spec)),
    },
    options: {
      devicePixelRatio: options.scale,
      indexAxis: spec.horizontal ? 'y' : 'x',
      animation: false,
      responsive: false,
      font: { family: CHART_THEME.font },
      layout: { padding: { top: 6, right: 16, bottom: 30, left: 12 } },
      scales,
      plugins: {
        title: {
          display: true,
          text: directed(spec.title, spec.dir),
          color: CHART_THEME.colours.text,
          font: { size: 19, weight: 'bold', family: CHART_THEME.font },
          padding: { top: 4, bottom: spec.subtitle ? 2 : 10 },
        },
        subtitle: {
          display: spec.subtitle !== undefined,
          text: directed(spec.subtitle ?? '', spec.dir),
          color: CHART_THEME.colours.muted,
          font: { size: 13, family: CHART_THEME.font },
          padding: { bottom: 8 },
        },
        legend: {
          display: true,
          position: 'bottom',
          rtl,
          labels: {
            color: CHART_THEME.colours.text,
            font: { size: 13, family: CHART_THEME.font },
            usePointStyle: true,
            // Wide legend marks only where a dashed threshold must show its pattern.
            ...(spec.series.some((s) => s.kind === 'line') ? { pointStyleWidth: 30 } : {}),
            sort: (a: LegendItem, b: LegendItem) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0),
            filter: (item: LegendItem) => {
              const s = spec.series[item.datasetIndex ?? -1];
              return !(s && s.kind === 'line' && s.hideInLegend === true);
            },
            boxWidth: 28,
            boxHeight: 12,
            padding: 14,
            ...(options.defaultLabels ? { generateLabels: legendLabels(spec, options.defaultLabels) } : {}),
          },
        },
        tooltip: { enabled: false },
      },
    },
    plugins,
  };
  return config as unknown as ChartConfiguration;
}
