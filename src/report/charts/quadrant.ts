import type { AllocationRow, RunResults } from '../../model/results.js';
import { bn } from '../tables.js';
import type { ChartContext } from './context.js';
import { OKABE_ITO } from './palette.js';
import { CHART_WIDTH, type BubblePoint, type ChartSpec } from './spec.js';

export const BUBBLE_MIN_RADIUS = 4;
export const BUBBLE_MAX_RADIUS = 26;
/** Above this many projects the codes are not printed next to the bubbles. */
export const MAX_LABELLED_POINTS = 40;

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0.5;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Bubble radius: area proportional to cost. */
export function bubbleRadius(cost: number, maxCost: number): number {
  if (maxCost <= 0 || cost <= 0) return BUBBLE_MIN_RADIUS;
  return BUBBLE_MIN_RADIUS + (BUBBLE_MAX_RADIUS - BUBBLE_MIN_RADIUS) * Math.sqrt(cost / maxCost);
}

/**
 * The World Bank IPF quadrant: x = financial-economic index, y = social-integration
 * index, funded projects as filled blue circles, unfunded as outlined vermillion
 * diamonds, bubble area proportional to cost, dividing lines at the medians.
 */
export function quadrantChart(results: RunResults, ctx: ChartContext): ChartSpec {
  const L = ctx.locale;
  const rows = [...results.allocation].sort((a, b) => a.projectId.localeCompare(b.projectId));
  const maxCost = Math.max(0, ...rows.map((r) => r.cost));
  const point = (r: AllocationRow): BubblePoint => ({
    x: r.financialEconomicIndex,
    y: r.socialIntegrationIndex,
    r: bubbleRadius(r.cost, maxCost),
    label: r.projectId,
    size: bn(r.cost),
  });
  return {
    id: 'prioritisation-quadrant',
    lang: L.lang,
    dir: L.dir,
    title: L.t('chart.quadrant.title'),
    subtitle: L.t('chart.quadrant.subtitle'),
    footer: ctx.footer,
    layout: 'scatter',
    x: { title: L.t('chart.quadrant.x'), format: 'index', min: 0, max: 1 },
    y: { title: L.t('chart.quadrant.y'), format: 'index', min: 0, max: 1 },
    series: [
      {
        kind: 'bubble',
        id: 'funded',
        label: L.t('chart.quadrant.funded'),
        color: OKABE_ITO.blue,
        shape: 'circle',
        filled: true,
        points: rows.filter((r) => r.funded).map(point),
      },
      {
        kind: 'bubble',
        id: 'unfunded',
        label: L.t('chart.quadrant.unfunded'),
        color: OKABE_ITO.vermillion,
        shape: 'rectRot',
        filled: false,
        points: rows.filter((r) => !r.funded).map(point),
      },
    ],
    quadrant: {
      x: median(rows.map((r) => r.financialEconomicIndex)),
      y: median(rows.map((r) => r.socialIntegrationIndex)),
      lineLabel: L.t('common.median'),
      labels: {
        topRight: L.t('chart.quadrant.q.priority'),
        // "Concessional loans" only when the bank's sovereign terms are (grant element ≥ 35 %).
        topLeft: L.t(results.pricing.some((p) => p.instrument === 'sovereign' && p.concessional) ? 'chart.quadrant.q.social' : 'chart.quadrant.q.socialPublic'),
        bottomRight: L.t('chart.quadrant.q.market'),
        bottomLeft: L.t('chart.quadrant.q.review'),
      },
    },
    pointLabels: rows.length <= MAX_LABELLED_POINTS,
    width: CHART_WIDTH,
    height: 620,
  };
}
