import type { RiskResults } from '../risk/results.js';


const points = (x: number | null, base: number | null) => (x === null || base === null ? '—' : `${x - base >= 0 ? '+' : '−'}${Math.abs(100 * (x - base)).toFixed(1)}`);
const pct = (x: number | null, digits = 1) => (x === null ? '—' : `${(100 * x).toFixed(digits)} %`);
const bnf = (m: number) => (m / 1000).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const LIMIT_WORDS: Readonly<Record<string, string>> = {
  'equity-to-loans': 'Equity-to-loans floor',
  liquidity: 'Liquidity buffer',
  gearing: 'Gearing cap',
  'country-exposure': 'Country exposure',
  solvency: 'Negative equity',
};

/** The terminal summary of `bcid risk` (English, like `bcid run`'s). */
export function riskSummary(r: RiskResults, perf: { workers: number; simulationSeconds: number; pathsPerSecond: number; peakRssMB: number }): string {
  const first = r.years[0]!;
  const last = r.years[r.years.length - 1]!;
  const lines = [
    `BCID-AES — Monte Carlo, scenario ${r.scenario}${r.stresses.length > 0 ? ` (stresses: ${r.stresses.join(', ')})` : ''}`,
    `${r.paths.toLocaleString('en-US')} paths, seed ${r.seed}, ${perf.workers} worker${perf.workers === 1 ? '' : 's'}: ${perf.simulationSeconds.toFixed(2)} s (${perf.pathsPerSecond.toLocaleString('en-US')} paths/s), peak RSS ${perf.peakRssMB.toFixed(0)} MB`,
    '',
    '  Limit broken at least once (probability)',
    ...r.breaches.map((b) => {
      const ref = b.limit === 'equity-to-loans' ? ` (${pct(r.policy.equityToLoansFloor, 0)})` : b.limit === 'liquidity' ? ` (${r.policy.liquidityMonths} months)` : b.limit === 'gearing' ? ` (${r.policy.maxGearing}× equity)` : '';
      return `    ${`${LIMIT_WORDS[b.limit] ?? b.limit}${ref}`.padEnd(34)}${pct(b.probability).padStart(8)}`;
    }),
    `    ${'Any limit'.padEnd(34)}${pct(r.anyBreachProbability).padStart(8)}`,
    '',
    `  Lowest equity/loans      P5 ${pct(r.lowestEquityToLoans.p5)}, median ${pct(r.lowestEquityToLoans.p50)}, P95 ${pct(r.lowestEquityToLoans.p95)}; without random shocks ${pct(r.lowestEquityToLoans.deterministic)}`,
    `  Credit loss ${first}–${last}   expected ${bnf(r.creditLoss.expected)} bn FCFA (s.e. ${bnf(r.creditLoss.standardError)}), VaR 95 % ${bnf(r.creditLoss.var95)}, CVaR 95 % ${bnf(r.creditLoss.cvar95)}`,
    `  Defaulted by ${last}        ${r.defaults.map((d) => `${d.member === 'joint' ? 'all three' : d.member} ${pct(d.byYear[d.byYear.length - 1] ?? 0)}`).join(', ')}`,
    `  Sensitivities            lowest E/L ${pct(r.tornado.base)}; points moved by the adverse / favourable value of: ${r.tornado.bars
      .slice(0, 4)
      .map((b) => `${b.input} ${points(b.adverse, r.tornado.base)} / ${points(b.favourable, r.tornado.base)}`)
      .join(', ')}`,
    `  Identities               ${r.identities.ok ? `balance sheet and cash flow hold on all ${r.identities.pathsChecked.toLocaleString('en-US')} paths` : `BROKEN on path ${r.identities.worstPath} (${r.identities.worstIdentity}, ${r.identities.worstYear})`}`,
  ];
  return `${lines.join('\n')}\n`;
}
