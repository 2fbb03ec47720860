/**
 * Draws a `ChartSpec` with Chart.js through chartjs-node-canvas: PNG for screens
 * (drawn at twice the spec's size) and SVG for print.
 *
 * Notes (docs/stack-notes.md §2):
 * - chartjs-node-canvas loads its own Chart.js (one, shared by every canvas: see
 *   `SharedChartJsCanvas`), so fonts and plugins go through its defaults and the
 *   config's inline `plugins`, never through an imported `Chart`.
 * - Never call this from a worker thread: canvas crashes when a worker exits.
 * - Canvas draws text LTR; Arabic strings are wrapped in an RTL embedding so that
 *   they read right to left (shaping is done by Pango).
 * - SVG text is drawn as outlines; cairo numbers its surfaces with a process-wide
 *   counter, which `normaliseSvg` rewrites so identical specs give identical bytes.
 */
import type { Chart, ChartConfiguration, ChartDataset, LegendItem, Plugin, Scale, TickOptions } from 'chart.js';
import { ChartJSNodeCanvas, type ChartJSNodeCanvasOptions } from 'chartjs-node-canvas';
import type { Chart as ChartJS } from 'chart.js/auto';
import type { AxisSpec, ChartSpec, Series, ValueFormat } from '../report/charts/spec.js';
import { createLocale, type Locale } from '../report/locale.js';

export const FONT_FAMILY = 'DejaVu Sans';
const TEXT = '#1a1a1a';
const MUTED = '#4d4d4d';
const GRID = '#e3e3e3';
/** Right-to-left embedding and its end (Unicode bidi explicit formatting characters). */
const RLE = '\u202b';
const PDF = '\u202c';

/**
 * Text for canvas in the chart's direction. Canvas lays text out in a left-to-right
 * paragraph; an RTL embedding makes Arabic text, and the numbers inside it, read
 * right to left as in the HTML (an RLM at both ends is not enough once a number with
 * a percent sign sits mid-sentence).
 */
export function directed(text: string, dir: 'ltr' | 'rtl'): string {
  return dir === 'rtl' && text.length > 0 ? `${RLE}${text}${PDF}` : text;
}

function alpha(hex: string, a: number): string {
  const n = Math.round(a * 255)
    .toString(16)
    .padStart(2, '0');
  return `${hex}${n}`;
}

/** Tick label for one value on an axis of the given format. */
export function formatTick(value: number, format: ValueFormat, step: number, L: Locale): string {
  switch (format) {
    case 'money':
      return L.number(value, step > 0 && step < 1 ? 1 : 0);
    case 'percent':
      return L.percent(value, step > 0 && step < 0.01 ? 1 : 0);
    case 'months':
      return L.number(value, step > 0 && step < 1 ? 1 : 0);
    case 'index':
      return L.number(value, 1);
    case 'year':
      return L.year(value);
    case 'number':
      return L.number(value, step > 0 && step < 1 ? 1 : 0);
  }
}

function axisTitle(a: AxisSpec, dir: 'ltr' | 'rtl') {
  return { display: true, text: directed(a.title, dir), color: MUTED, font: { size: 14, family: FONT_FAMILY } };
}

function valueScale(a: AxisSpec, spec: ChartSpec, L: Locale, position: 'left' | 'right' | 'bottom', grid: boolean) {
  return {
    type: 'linear' as const,
    position,
    stacked: a.stacked ?? false,
    ...(a.min !== undefined ? { min: a.min } : {}),
    ...(a.max !== undefined ? { max: a.max } : {}),
    title: axisTitle(a, spec.dir),
    grid: { color: GRID, drawOnChartArea: grid },
    border: { display: false },
    ticks: {
      color: MUTED,
      font: { size: 13, family: FONT_FAMILY },
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

/** Footer: scenario and source, bottom left (bottom right in Arabic). */
function footerPlugin(spec: ChartSpec): Plugin {
  return {
    id: 'bcidFooter',
    afterDraw(chart: Chart) {
      const { ctx, width, height } = chart;
      ctx.save();
      ctx.font = `12px "${FONT_FAMILY}"`;
      ctx.fillStyle = MUTED;
      ctx.textBaseline = 'bottom';
      ctx.textAlign = spec.dir === 'rtl' ? 'right' : 'left';
      const text = fitText(ctx, directed(spec.footer, spec.dir), width - 24);
      ctx.fillText(text, spec.dir === 'rtl' ? width - 12 : 12, height - 6);
      ctx.restore();
    },
  };
}

/** Shorten a string with an ellipsis until it fits. */
function fitText(ctx: Chart['ctx'], text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let t = text;
  while (t.length > 4 && ctx.measureText(`${t}…`).width > max) t = t.slice(0, -1);
  return `${t}…`;
}

/** Each threshold line is named at its right end, so it reads without the legend. */
function thresholdLabelsPlugin(spec: ChartSpec): Plugin {
  return {
    id: 'bcidThresholdLabels',
    afterDatasetsDraw(chart: Chart) {
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.font = `bold 12px "${FONT_FAMILY}"`;
      ctx.fillStyle = TEXT;
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
        ctx.strokeStyle = 'white';
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
function quadrantPlugin(spec: ChartSpec): Plugin {
  const q = spec.quadrant!;
  return {
    id: 'bcidQuadrant',
    beforeDatasetsDraw(chart: Chart) {
      const { ctx, chartArea: a, scales } = chart;
      const x = scales.x!.getPixelForValue(q.x);
      const y = scales.y!.getPixelForValue(q.y);
      ctx.save();
      ctx.strokeStyle = '#8c8c8c';
      ctx.lineWidth = 1.5;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(x, a.top);
      ctx.lineTo(x, a.bottom);
      ctx.moveTo(a.left, y);
      ctx.lineTo(a.right, y);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = `bold 14px "${FONT_FAMILY}"`;
      ctx.fillStyle = '#9a9a9a';
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
      ctx.font = `11px "${FONT_FAMILY}"`;
      ctx.fillStyle = '#6f6f6f';
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
function valueLabelsPlugin(spec: ChartSpec, L: Locale): Plugin {
  return {
    id: 'bcidValueLabels',
    afterDatasetsDraw(chart: Chart) {
      const { ctx } = chart;
      const meta = chart.getDatasetMeta(0);
      const data = chart.data.datasets[0]?.data ?? [];
      ctx.save();
      ctx.font = `12px "${FONT_FAMILY}"`;
      ctx.fillStyle = TEXT;
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
function pointLabelsPlugin(spec: ChartSpec): Plugin {
  return {
    id: 'bcidPointLabels',
    afterDatasetsDraw(chart: Chart) {
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.font = `11px "${FONT_FAMILY}"`;
      ctx.fillStyle = '#333333';
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

/** Legend items: thresholds and lines as (dashed) strokes, bars as squares, bubbles as their shape. */
function legendLabels(spec: ChartSpec, base: (chart: Chart) => LegendItem[]) {
  return (chart: Chart): LegendItem[] =>
    base(chart).map((item) => {
      const s = spec.series[item.datasetIndex ?? -1];
      if (!s) return item;
      if (s.kind === 'line' && s.role === 'band') return { ...item, pointStyle: 'rect', lineWidth: 0, fillStyle: s.fill ?? s.color, strokeStyle: s.fill ?? s.color };
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
export function toChartJsConfig(
  spec: ChartSpec,
  options: { scale: number; defaultLabels?: (chart: Chart) => LegendItem[] },
): ChartConfiguration {
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
      color: MUTED,
      font: { size: 13, family: FONT_FAMILY },
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
      font: { family: FONT_FAMILY },
      layout: { padding: { top: 6, right: 16, bottom: 30, left: 12 } },
      scales,
      plugins: {
        title: {
          display: true,
          text: directed(spec.title, spec.dir),
          color: TEXT,
          font: { size: 19, weight: 'bold', family: FONT_FAMILY },
          padding: { top: 4, bottom: spec.subtitle ? 2 : 10 },
        },
        subtitle: {
          display: spec.subtitle !== undefined,
          text: directed(spec.subtitle ?? '', spec.dir),
          color: MUTED,
          font: { size: 13, family: FONT_FAMILY },
          padding: { bottom: 8 },
        },
        legend: {
          display: true,
          position: 'bottom',
          rtl,
          labels: {
            color: TEXT,
            font: { size: 13, family: FONT_FAMILY },
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

/**
 * Cairo names SVG surfaces, images, glyphs and clip paths with process-wide counters;
 * renumber each kind from 1 in order of appearance so identical charts give identical files.
 */
export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  const counts = new Map<string, number>();
  return svg.replace(/\b(surface|image|pattern|mask|source|clip|glyph|filter)(\d+(?:-\d+)?)\b/g, (m, kind: string) => {
    let id = ids.get(m);
    if (!id) {
      const n = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, n);
      id = `${kind}${n}`;
      ids.set(m, id);
    }
    return id;
  });
}

/**
 * White background drawn before everything else. chartjs-node-canvas's own
 * `backgroundColour` paints with `destination-over`, which cairo's SVG backend cannot
 * express, so it rasterises the whole chart into one embedded bitmap; this does not.
 */
const backgroundPlugin: Plugin = {
  id: 'bcidBackground',
  beforeDraw(chart: Chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/**
 * One Chart.js for every canvas of the process. chartjs-node-canvas loads a fresh
 * copy of Chart.js per canvas (to isolate global registrations), so each size and
 * output type would start cold: every draw in a new copy runs unoptimised, about
 * a third of the chart time of a run. Sharing is safe here because every canvas
 * gets the same defaults and plugins are passed per chart.
 */
let sharedChartJs: { readonly chartJs: typeof ChartJS; readonly defaultLabels: (chart: Chart) => LegendItem[] } | null = null;

class SharedChartJsCanvas extends ChartJSNodeCanvas {
  protected override initialize(options: ChartJSNodeCanvasOptions): typeof ChartJS {
    if (!sharedChartJs) {
      const chartJs = super.initialize(options);
      chartJs.defaults.font.family = FONT_FAMILY;
      chartJs.defaults.color = TEXT;
      sharedChartJs = { chartJs, defaultLabels: chartJs.defaults.plugins.legend.labels.generateLabels };
    }
    return sharedChartJs.chartJs;
  }
}

export interface ChartRenderer {
  /** PNG at twice the spec's size (for screens, slides and the HTML dossier). */
  png(spec: ChartSpec): Promise<Uint8Array>;
  /** SVG at the spec's size, text as outlines (for print). */
  svg(spec: ChartSpec): Uint8Array;
}

/** The scale of PNG output relative to the spec's CSS size. */
export const PNG_SCALE = 2;

/**
 * A renderer that keeps one chartjs-node-canvas instance per size and output type.
 * Create one per run and reuse it for every chart. Main thread only.
 */
export function createChartRenderer(): ChartRenderer {
  const canvases = new Map<string, ChartJSNodeCanvas>();
  const get = (type: 'png' | 'svg', width: number, height: number) => {
    const key = `${type}:${width}x${height}`;
    let canvas = canvases.get(key);
    if (!canvas) {
      canvas = new SharedChartJsCanvas({ width, height, ...(type === 'svg' ? { type: 'svg' as const } : {}) });
      canvases.set(key, canvas);
    }
    return { canvas, labels: { fn: sharedChartJs!.defaultLabels } };
  };
  return {
    async png(spec) {
      const { canvas, labels } = get('png', spec.width, spec.height);
      const config = toChartJsConfig(spec, { scale: PNG_SCALE, ...(labels.fn ? { defaultLabels: labels.fn } : {}) });
      return new Uint8Array(await canvas.renderToBuffer(config, 'image/png'));
    },
    svg(spec) {
      const { canvas, labels } = get('svg', spec.width, spec.height);
      const config = toChartJsConfig(spec, { scale: 1, ...(labels.fn ? { defaultLabels: labels.fn } : {}) });
      const buf = canvas.renderToBufferSync(config, 'image/svg+xml');
      return new TextEncoder().encode(normaliseSvg(buf.toString('utf8')));
    },
  };
}
