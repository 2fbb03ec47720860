/** The terminal summary of `bcid risk` (English, like `bcid run`'s). */
import type { RiskResults } from '../../risk/results.js';
import type { SummarySpec } from '../summary.js';
import { column } from '../table.js';
import { money, percent } from './format.js';

const points = (x: number | null, base: number | null) => (x === null || base === null ? '—' : `${x - base >= 0 ? '+' : '−'}${Math.abs(100 * (x - base)).toFixed(1)}`);
const bnf = (m: number) => money(m / 1000);

const LIMIT_WORDS: Readonly<Record<string, string>> = {
  'equity-to-loans': 'Equity-to-loans floor',
  liquidity: 'Liquidity buffer',
  gearing: 'Gearing cap',
  'country-exposure': 'Country exposure',
  solvency: 'Negative equity',
};

export interface RiskRunFacts {
  readonly workers: number;
  readonly simulationSeconds: number;
  readonly pathsPerSecond: number;
  readonly peakRssMB: number;
}

export function riskSummarySpec(r: RiskResults, perf: RiskRunFacts): SummarySpec {
  const first = r.years[0]!;
  const last = r.years[r.years.length - 1]!;
  const limitRef = (limit: string) =>
    limit === 'equity-to-loans' ? ` (${percent(r.policy.equityToLoansFloor, 0)})` : limit === 'liquidity' ? ` (${r.policy.liquidityMonths} months)` : limit === 'gearing' ? ` (${r.policy.maxGearing}× equity)` : '';
  return {
    head: [
      `BCID-AES — Monte Carlo, scenario ${r.scenario}${r.stresses.length > 0 ? ` (stresses: ${r.stresses.join(', ')})` : ''}`,
      `${r.paths.toLocaleString('en-US')} paths, seed ${r.seed}, ${perf.workers} worker${perf.workers === 1 ? '' : 's'}: ${perf.simulationSeconds.toFixed(2)} s (${perf.pathsPerSecond.toLocaleString('en-US')} paths/s), peak RSS ${perf.peakRssMB.toFixed(0)} MB`,
    ],
    groups: [
      {
        facts: [
          { label: 'Lowest equity/loans', value: `P5 ${percent(r.lowestEquityToLoans.p5)}, median ${percent(r.lowestEquityToLoans.p50)}, P95 ${percent(r.lowestEquityToLoans.p95)}; without random shocks ${percent(r.lowestEquityToLoans.deterministic)}` },
          { label: `Credit loss ${first}–${last}`, value: `expected ${bnf(r.creditLoss.expected)} bn FCFA (s.e. ${bnf(r.creditLoss.standardError)}), VaR 95 % ${bnf(r.creditLoss.var95)}, CVaR 95 % ${bnf(r.creditLoss.cvar95)}` },
          { label: `Defaulted by ${last}`, value: r.defaults.map((d) => `${d.member === 'joint' ? 'all three' : d.member} ${percent(d.byYear[d.byYear.length - 1] ?? 0)}`).join(', ') },
          {
            label: 'Sensitivities',
            value: `lowest E/L ${percent(r.tornado.base)}; points moved by the adverse / favourable value of: ${r.tornado.bars
              .slice(0, 4)
              .map((b) => `${b.input} ${points(b.adverse, r.tornado.base)} / ${points(b.favourable, r.tornado.base)}`)
              .join(', ')}`,
          },
          {
            label: 'Identities',
            value: r.identities.ok
              ? `balance sheet and cash flow hold on all ${r.identities.pathsChecked.toLocaleString('en-US')} paths`
              : `BROKEN on path ${r.identities.worstPath} (${r.identities.worstIdentity}, ${r.identities.worstYear})`,
          },
        ],
      },
    ],
    tables: [
      {
        id: 'breaches',
        title: 'Limit broken at least once (probability)',
        columns: [column('limit', 'limit', 'text'), column('probability', 'probability', 'ratio')],
        rows: [...r.breaches.map((b) => [`${LIMIT_WORDS[b.limit] ?? b.limit}${limitRef(b.limit)}`, b.probability]), ['Any limit', r.anyBreachProbability]],
      },
    ],
    notes: [],
  };
}
