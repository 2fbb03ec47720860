/**
 * A small synthetic Monte Carlo model a worker runs as soon as it starts, while
 * the main thread is still loading the scenario and allocating: the simulation
 * code is then compiled by the JIT before the real blocks arrive (unoptimised,
 * the first few hundred paths run several times slower). Its results are thrown
 * away; it touches no file and no shared state.
 *
 * For the compiled code to fit the real model, the synthetic one must have the
 * same object shapes once it has crossed the thread boundary: the same keys in the
 * same order as `compileRun`, `buildMcModel` and the zod scenario produce, and
 * non-integer numbers wherever the real model may hold one (a field that has held a
 * double keeps a double representation, which integers then share; the reverse
 * would change the shape and throw the optimised code away).
 */
import { METRICS, type AccumulatorLayout, type Tally } from './accumulator.js';
import type { CompiledProject, CompiledRun } from './compiled.js';
import type { SamplerParams } from './sampler.js';
import { PathSimulator, type McModel } from './simulate.js';
import { neutralShocks } from '../shocks/shock-set.js';
import type { UnitFlows } from '../model/repayment/unit-flows.js';
import { MEMBER_CODES } from '../schema/codes.js';

const YEARS = 30;

/** A loan (or stake) of `c` construction years and `n` repayment years, per unit. */
function flows(equity: boolean, c: number, n: number): UnitFlows {
  const L = c + n + 1;
  const z = () => new Float64Array(L);
  const f = { disbursed: z(), interest: z(), capitalised: z(), fees: z(), principal: z(), loanBalance: z(), invested: z(), dividends: z(), exitProceeds: z(), exitCost: z(), equityHeld: z() };
  let bal = 0;
  for (let t = 0; t < L; t++) {
    if (equity) {
      if (t < c) f.invested[t] = 1 / c;
      bal = t < c ? (t + 1) / c : t === L - 1 ? 0 : 1;
      if (t === L - 1) {
        f.exitProceeds[t] = 1.5;
        f.exitCost[t] = 1;
      } else if (t > c) f.dividends[t] = 0.04;
      f.equityHeld[t] = bal;
    } else {
      f.interest[t] = 0.07 * bal;
      f.fees[t] = t === 0 ? 0.01 : 0;
      if (t < c) {
        f.disbursed[t] = 1 / c;
        bal += 1 / c;
      } else if (t > c) {
        const p = Math.min(bal, 1 / n);
        f.principal[t] = p;
        bal -= p;
      }
      f.loanBalance[t] = bal;
    }
  }
  return { length: L, ...f };
}

export function warmupModel(): McModel {
  const projects: CompiledProject[] = [];
  for (let k = 0; k < 40; k++) {
    const instrumentIndex = k % 6 === 5 ? 2 : k % 2;
    const instrument = (['sovereign', 'non-sovereign', 'equity'] as const)[instrumentIndex]!;
    const c = 2 + (k % 3);
    projects.push({
      id: `W${k}`,
      sector: 'roads',
      instrument,
      instrumentIndex,
      constructionYears: c,
      offset: 1 + (k % 5),
      amount: 10_000.5 + 1000 * k,
      countries: k % 4 === 0 ? [{ member: 'MLI', memberIndex: 0, share: 0.5 }, { member: 'NER', memberIndex: 2, share: 0.5 }] : [{ member: MEMBER_CODES[k % 3]!, memberIndex: k % 3, share: 1 }],
      flows: Array.from({ length: 5 }, (_, d) => flows(instrumentIndex === 2, c + d, 12)),
    });
  }
  const n = YEARS + 1;
  const compiled: CompiledRun = {
    years: { start: 2026, end: 2026 + YEARS - 1, count: YEARS },
    openingPaidIn: 100_000.5,
    paidIn: new Float64Array(n).fill(20_000),
    levy: new Float64Array(n).fill(10_000),
    policy: {
      treasuryYield: 0.03,
      borrowing: { enabled: true, firstYear: 2027, rate: 0.065, tenor: 10, method: 'linear', maxGearing: 1.5 },
      operatingExpenses: { fixed: 3000.5, growth: 0.03, shareOfLoans: 0.005 },
      liquidityMonths: 12.5,
    },
    equityToLoansFloor: 0.35,
    countryExposureLimit: 1.5,
    elBase: new Float64Array([0.001, 0.0135, 0.018]),
    elNoPcs: new Float64Array([0.02, 0.033, 0.042]),
    lgdBase: new Float64Array([0.1, 0.45, 0.6]),
    lgdNoPcs: new Float64Array([0.4, 0.55, 0.7]),
    lendingRate: new Float64Array([0.075, 0.1, 0]),
    foreignShare: 0.3,
    maxDelay: 4,
    nonSovereignWorkoutYears: 2,
    rescheduleYears: 10,
    projects,
  };
  const P = projects.length;
  const params: SamplerParams = {
    years: YEARS,
    correlation: 0.5,
    memberThreshold: new Float64Array(3 * YEARS).fill(-1.6),
    arrearsYears: 3,
    lgd: NaN,
    rescheduleYears: 10,
    nonSovereignDefaults: true,
    nonSovereignThreshold: new Float64Array(YEARS).fill(-1.9),
    levy: { volatility: 0.25, persistence: 0.7, correlation: 0.3 },
    rates: { volatility: 0.015, persistence: 0.8 },
    overruns: { enabled: true, mu: new Float64Array(P).fill(0.15), sigma: new Float64Array(P).fill(0.12), cap: new Float64Array(P).fill(1.5), applied: new Float64Array(P).fill(1) },
    delays: { enabled: true, lambda: new Float64Array(P).fill(0.8), maxYears: 4 },
    fx: { annualProbability: 0.05, devaluation: 0.3, active: true },
    offset: Int32Array.from(projects, (p) => p.offset),
    instrument: Int32Array.from(projects, (p) => p.instrumentIndex),
  };
  const wide = { lo: -1.5e7, hi: 1.5e7 + 0.5 };
  // Most ranges hold the values; some lie above or below them all (under- and overflow slots).
  const ranges = [wide, wide, { lo: 1e12, hi: 2e12 + 0.5 }, wide, { lo: -2e12, hi: -1e12 + 0.5 }];
  const layout: AccumulatorLayout = {
    years: YEARS,
    bins: 1024,
    metricRanges: Array.from({ length: METRICS.length * YEARS }, (_, k) => ranges[k % ranges.length]!),
    scalarRanges: [wide, { lo: -1.5, hi: 2.5 }, ...Array.from({ length: YEARS }, () => wide)],
  };
  return { seed: 1, paths: 0, blockSize: 250, compiled, funding: { openingPaidIn: compiled.openingPaidIn, paidIn: compiled.paidIn, levy: compiled.levy }, base: neutralShocks(P, YEARS), params, layout };
}

/**
 * Runs synthetic paths as a worker runs real blocks, and discards them: one
 * round per entry of `rounds` (its paths), each on a fresh model and simulator,
 * because the first block of every new simulator runs several times slower than
 * the next ones until the code has seen more than one (measured on the bundled
 * portfolio: a cold first block 85–125 ms; after two rounds 25–28 ms, against
 * 14–15 ms a block once warm).
 * Every histogram slot kind is hit (under- and overflow through the ranges of
 * `warmupModel`, +∞ below), so no branch is first taken on real data. Nothing
 * here (nor in the worker) transfers an ArrayBuffer: the first buffer an isolate
 * detaches invalidates a V8 protector, deoptimises every hot function and leaves
 * all typed-array accesses slower for the rest of the thread's life.
 */
/**
 * The rounds a worker runs at start-up (paths each), while the main thread allocates.
 * Every worker's warm-up shares the cores with the allocation, so it is kept short: two rounds of
 * 100 paths gave the fastest simulation for the whole command with 2 workers on 2 cores (10,000
 * paths, medians of 6: one round 1.03 s, simulation 0.43 s; two rounds 1.07 s, 0.37 s; four rounds
 * 1.11 s, 0.37 s).
 */
export const WARMUP_ROUNDS: readonly number[] = [100, 100];

export function warmUp(rounds: readonly number[]): void {
  for (const paths of rounds) warmUpOnce(paths);
}

/** One round; returns its tally (tests check that every slot kind was hit). */
export function warmUpOnce(paths: number): Tally {
  // Through structured clone, as the real model arrives: its objects then have the same shapes.
  const model = structuredClone({ ...warmupModel(), paths });
  const sim = new PathSimulator(model);
  for (let b = 0; b * model.blockSize < paths; b++) structuredClone(sim.runBlock(b).toMessage());
  sim.tally.hist.add(0, Infinity);
  sim.tally.scalars.add(0, Infinity);
  return sim.tally;
}
