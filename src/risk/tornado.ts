/**
 * One-at-a-time sensitivities of the lowest equity-to-loans ratio over the
 * horizon (the binding capital test): each input of the Monte Carlo is moved,
 * alone, to a low and a high value of its calibrated distribution — the 5th and
 * 95th percentiles, applied to every project or year at once — on top of the
 * scenario's named stresses, everything else held at the deterministic value.
 *
 * | input                  | favourable               | adverse                                |
 * |------------------------|--------------------------|----------------------------------------|
 * | levy receipts          | lognormal P95 factor     | lognormal P5 factor                    |
 * | cost of new bonds      | −1.645 σ_r               | +1.645 σ_r                             |
 * | cost overruns          | every project at its P5  | every project at its P95 (capped)      |
 * | construction delays    | none                     | every project at its Poisson P95       |
 * | default of MLI/BFA/NER | none                     | default in the year of the lowest ratio, calibrated arrears and LGD |
 * | preferred creditor     | kept                     | lost from the first year               |
 * | peg exit (if EUR debt) | none                     | devaluation in the year of peak borrowing |
 *
 * "Favourable" and "adverse" name the side of the input's distribution that is
 * good or bad news for the bank; the bars show how far the ratio moves.
 */
import { MEMBER_CODES, type MemberCode } from '../schema/codes.js';
import { copyShocks, type ShockSet } from '../shocks/shock-set.js';
import type { RiskSettings } from './calibration.js';
import type { CompiledRun, Funding } from './compiled.js';
import { PathWorkspace, runPath } from './path.js';
import { poissonInverse, type SamplerParams } from './sampler.js';

const Z95 = 1.6448536269514722;

export type TornadoInput = 'levy' | 'rates' | 'overruns' | 'delays' | 'default-MLI' | 'default-BFA' | 'default-NER' | 'pcs-loss' | 'peg-exit';

export interface TornadoBar {
  readonly input: TornadoInput;
  /** Lowest E/L ratio with the input at its favourable and its adverse value. */
  readonly favourable: number | null;
  readonly adverse: number | null;
  /** The input's values, in its own unit (factor, rate shift, quantile, year index; −1: none). */
  readonly favourableValue: number;
  readonly adverseValue: number;
}

export interface Tornado {
  /** Lowest E/L ratio of the deterministic (stressed) projection. */
  readonly base: number | null;
  readonly metric: 'lowest-equity-to-loans';
  /** Sorted by swing, largest first. */
  readonly bars: readonly TornadoBar[];
}

export function lowestEquityToLoans(c: CompiledRun, shocks: ShockSet, funding: Funding, ws: PathWorkspace): number | null {
  const r = runPath(c, shocks, funding, ws);
  let min = Infinity;
  for (let i = 0; i < c.years.count; i++) {
    const exposure = r.portfolio.loans[i]! + r.portfolio.equityHeld[i]!;
    if (exposure > 0) min = Math.min(min, r.projection.equity[i]! / exposure);
  }
  return Number.isFinite(min) ? min : null;
}

export function tornado(c: CompiledRun, base: ShockSet, funding: Funding, params: SamplerParams, settings: RiskSettings): Tornado {
  const ws = new PathWorkspace(c.years.count + 1);
  const evaluate = (change: (s: ReturnType<typeof copyShocks>) => void): number | null => {
    const s = copyShocks(base);
    change(s);
    return lowestEquityToLoans(c, s, funding, ws);
  };
  const bars: TornadoBar[] = [];
  const push = (
    input: TornadoInput,
    favourableValue: number,
    adverseValue: number,
    favourable: (s: ReturnType<typeof copyShocks>) => void,
    adverse: (s: ReturnType<typeof copyShocks>) => void,
  ) => {
    bars.push({ input, favourable: evaluate(favourable), adverse: evaluate(adverse), favourableValue, adverseValue });
  };

  const sl = settings.levy.volatility;
  const levyAt = (z: number) => Math.exp(sl * z - (sl * sl) / 2);
  push('levy', levyAt(Z95), levyAt(-Z95), (s) => scale(s.levyFactor, levyAt(Z95)), (s) => scale(s.levyFactor, levyAt(-Z95)));

  const dr = Z95 * settings.rates.volatility;
  push('rates', -dr, dr, (s) => shift(s.issueRateShift, -dr), (s) => shift(s.issueRateShift, dr));

  const overrun = (z: number) => (s: ReturnType<typeof copyShocks>) => {
    for (let k = 0; k < s.amountFactor.length; k++) {
      const f = Math.exp(params.overruns.mu[k]! + params.overruns.sigma[k]! * z) / params.overruns.applied[k]!;
      s.amountFactor[k] = s.amountFactor[k]! * Math.min(params.overruns.cap[k]!, f);
    }
  };
  push('overruns', -Z95, Z95, overrun(-Z95), overrun(Z95));

  const maxDelay = Math.max(0, c.maxDelay - Math.max(0, ...base.delayYears));
  push(
    'delays',
    0,
    0.95,
    () => undefined,
    (s) => {
      for (let k = 0; k < s.delayYears.length; k++) s.delayYears[k] = s.delayYears[k]! + poissonInverse(0.95, params.delays.lambda[k]!, Math.min(maxDelay, params.delays.maxYears));
    },
  );

  // A default hurts the lowest ratio most when it strikes the year that ratio is reached.
  const weakest = lowestYear(c, base, funding);
  for (const m of MEMBER_CODES) {
    const year = peakSovereignYear(c, m) < 0 ? -1 : weakest;
    push(
      `default-${m}` as TornadoInput,
      -1,
      year,
      () => undefined,
      (s) => {
        if (year < 0) return;
        const before = s.memberDefault[m];
        if (before === null || year < before.yearIndex) {
          s.memberDefault[m] = { yearIndex: year, arrearsYears: settings.arrearsYears, lgd: settings.lgd, rescheduleYears: settings.rescheduleYears };
        }
      },
    );
  }

  push('pcs-loss', -1, 0, () => undefined, (s) => {
    s.pcsLossFrom = Math.min(s.pcsLossFrom, 0);
  });

  if (c.foreignShare > 0) {
    const year = peakBorrowingYear(c, base, funding);
    push('peg-exit', 0, settings.fx.devaluation, () => undefined, (s) => {
      if (s.pegExit === null || year < s.pegExit.yearIndex) s.pegExit = { yearIndex: year, devaluation: settings.fx.devaluation };
    });
  }
  const baseValue = lowestEquityToLoans(c, base, funding, ws);
  const swing = (b: TornadoBar) => Math.abs((b.adverse ?? 0) - (b.favourable ?? 0));
  return { base: baseValue, metric: 'lowest-equity-to-loans', bars: [...bars].sort((a, b) => swing(b) - swing(a) || a.input.localeCompare(b.input)) };
}

function scale(a: Float64Array, f: number): void {
  for (let i = 0; i < a.length; i++) a[i] = a[i]! * f;
}

function shift(a: Float64Array, d: number): void {
  for (let i = 0; i < a.length; i++) a[i] = a[i]! + d;
}

/** Year index where the member's sovereign loans (its share) are largest, from the plain flows; −1 without any. */
export function peakSovereignYear(c: CompiledRun, member: MemberCode): number {
  const m = MEMBER_CODES.indexOf(member);
  const exposure = new Float64Array(c.years.count);
  for (const p of c.projects) {
    if (p.instrumentIndex !== 0) continue;
    const share = p.countries.find((x) => x.memberIndex === m)?.share ?? 0;
    if (share === 0) continue;
    const u = p.flows[0]!;
    for (let t = 0; t < u.length; t++) {
      const i = p.offset + t;
      if (i >= 0 && i < c.years.count) exposure[i] = exposure[i]! + share * p.amount * u.loanBalance[t]!;
    }
  }
  let best = -1;
  let max = 0;
  for (let i = 0; i < exposure.length; i++) {
    if (exposure[i]! > max) {
      max = exposure[i]!;
      best = i;
    }
  }
  return best;
}

/** Year index of the lowest E/L ratio of the base projection (0 without exposure). */
function lowestYear(c: CompiledRun, base: ShockSet, funding: Funding): number {
  const r = runPath(c, base, funding, new PathWorkspace(c.years.count + 1));
  let best = 0;
  let min = Infinity;
  for (let i = 0; i < c.years.count; i++) {
    const exposure = r.portfolio.loans[i]! + r.portfolio.equityHeld[i]!;
    if (exposure > 0 && r.projection.equity[i]! / exposure < min) {
      min = r.projection.equity[i]! / exposure;
      best = i;
    }
  }
  return best;
}

function peakBorrowingYear(c: CompiledRun, base: ShockSet, funding: Funding): number {
  const r = runPath(c, base, funding, new PathWorkspace(c.years.count + 1));
  let best = 0;
  for (let i = 1; i < c.years.count; i++) if (r.projection.borrowings[i]! > r.projection.borrowings[best]!) best = i;
  return Math.min(c.years.count - 1, best + 1);
}
