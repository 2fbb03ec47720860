/**
 * The canvas cache: one chartjs-node-canvas per size and output type, all sharing
 * one Chart.js, and the PNG/SVG renderer built on it. Main thread only (canvas
 * crashes when a worker thread exits: docs/stack-notes.md §2).
 */
import type { Chart, LegendItem } from 'chart.js';
import { ChartJSNodeCanvas, type ChartJSNodeCanvasOptions } from 'chartjs-node-canvas';
import type { Chart as ChartJS } from 'chart.js/auto';
import type { ChartSpec } from '../report/charts/spec.js';
import { toChartJsConfig } from './chart-config.js';
import { normaliseSvg } from './chart-svg.js';
import { CHART_THEME } from './chart-theme.js';

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
      chartJs.defaults.font.family = CHART_THEME.font;
      chartJs.defaults.color = CHART_THEME.colours.text;
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
