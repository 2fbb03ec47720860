import type { RunResults } from '../../model/results.js';
import { commitmentsByMemberChart, commitmentsBySectorChart } from './commitments.js';
import type { ChartContext } from './context.js';
import { debtServiceChart } from './debt-service.js';
import { liquidityChart } from './liquidity.js';
import { loansEquityChart } from './loans-equity.js';
import { memberDebtChart, memberDebtCharts } from './member-debt.js';
import { quadrantChart } from './quadrant.js';
import { reflowsChart } from './reflows.js';
import type { ChartSpec } from './spec.js';
import { sourcesUsesChart } from './sources-uses.js';

export { chartContext, type ChartContext } from './context.js';
export type { AxisSpec, BarSeries, BubblePoint, BubbleSeries, ChartSpec, LineSeries, QuadrantSpec, Series, ValueFormat } from './spec.js';
export {
  commitmentsByMemberChart,
  commitmentsBySectorChart,
  debtServiceChart,
  liquidityChart,
  loansEquityChart,
  memberDebtChart,
  memberDebtCharts,
  quadrantChart,
  reflowsChart,
  sourcesUsesChart,
};

/** Every chart of the dossier, keyed by builder, in the order of the dossier. */
export const CHART_BUILDERS = {
  'sources-uses': sourcesUsesChart,
  'commitments-by-member': commitmentsByMemberChart,
  'commitments-by-sector': commitmentsBySectorChart,
  'prioritisation-quadrant': quadrantChart,
  'portfolio-reflows': reflowsChart,
  'member-debt-service': debtServiceChart,
  'loans-equity': loansEquityChart,
  liquidity: liquidityChart,
  'member-debt-publicDebtToGdp': (r: RunResults, c: ChartContext) => memberDebtChart(r, c, 'publicDebtToGdp'),
  'member-debt-pvPublicDebtToGdp': (r: RunResults, c: ChartContext) => memberDebtChart(r, c, 'pvPublicDebtToGdp'),
  'member-debt-pvExternalDebtToGdp': (r: RunResults, c: ChartContext) => memberDebtChart(r, c, 'pvExternalDebtToGdp'),
  'member-debt-pvExternalDebtToExports': (r: RunResults, c: ChartContext) => memberDebtChart(r, c, 'pvExternalDebtToExports'),
  'member-debt-externalDebtServiceToExports': (r: RunResults, c: ChartContext) => memberDebtChart(r, c, 'externalDebtServiceToExports'),
  'member-debt-externalDebtServiceToRevenue': (r: RunResults, c: ChartContext) => memberDebtChart(r, c, 'externalDebtServiceToRevenue'),
} as const satisfies Record<string, (r: RunResults, c: ChartContext) => ChartSpec>;

export type ChartId = keyof typeof CHART_BUILDERS;

export function buildCharts(results: RunResults, ctx: ChartContext): Record<ChartId, ChartSpec> {
  const out = {} as Record<ChartId, ChartSpec>;
  for (const [id, build] of Object.entries(CHART_BUILDERS) as [ChartId, (r: RunResults, c: ChartContext) => ChartSpec][]) {
    out[id] = build(results, ctx);
  }
  return out;
}
