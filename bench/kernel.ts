/**
 * Kernel throughput: `portfolioReflows` on 100,000 and 1,000,000 generated
 * loans, in loan-years per second (Σ maturity in years over the loans, every
 * loan wholly inside the window).
 *
 *   node --import tsx bench/kernel.ts            # table on stdout
 *   node --cpu-prof --import tsx bench/kernel.ts # plus a .cpuprofile
 *
 * The portfolio looks like a development bank's: mostly sovereign linear loans
 * (20 years, 5 of grace, drawn over the construction years), some annuities,
 * IDA-style custom profiles, a few bullets; a handful of rates per window, so
 * thousands of loans share a few dozen term sets. As in the model, every loan
 * has its own `disbursement` array (equal contents, distinct objects) and the
 * custom profiles are shared. The "distinct terms" cases give every loan its
 * own rate, so no two loans share a schedule shape: that measures the
 * per-loan path.
 *
 * `benchKernel()` is what the `npm run bench` harness imports; no test
 * asserts a wall-clock time.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { portfolioReflows, type PortfolioLoan, type ReflowRow, type ReflowWindow } from '../src/finance/index.js';
import type { RepaymentStep } from '../src/finance/index.js';

export interface KernelBenchResult {
  readonly name: string;
  readonly loans: number;
  /** Σ maturity (years) over the loans; the window holds every loan whole. */
  readonly loanYears: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly loanYearsPerSecond: number;
}

export type Kernel = (loans: readonly PortfolioLoan[], window: ReflowWindow) => readonly ReflowRow[];

/** 32-bit LCG (Numerical Recipes constants), returning floats in [0, 1). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const IDA_30: readonly RepaymentStep[] = [
  { from: 6, to: 15, pct: 2.5 },
  { from: 16, to: 30, pct: 5 },
];
const IDA_40: readonly RepaymentStep[] = [
  { from: 11, to: 20, pct: 2 },
  { from: 21, to: 40, pct: 4 },
];

function equalShares(c: number): number[] {
  return Array.from({ length: c }, () => 1 / c);
}

export interface PortfolioOptions {
  /** Give every loan its own rate, so that no two loans share a schedule shape. */
  readonly distinctTerms?: boolean;
}

/** `n` loans signed 2026–2055, deterministic for a given seed. */
export function generatePortfolio(n: number, seed: number, options: PortfolioOptions = {}): PortfolioLoan[] {
  const rnd = lcg(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const jitter = (): number => (options.distinctTerms ? rnd() * 1e-4 : 0);
  const loans: PortfolioLoan[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const u = rnd();
    const startYear = 2026 + Math.floor(rnd() * 30);
    // Log-uniform from 0.5 to 50,000 million FCFA.
    const amount = 0.5 * Math.exp(rnd() * Math.log(1e5));
    let loan: PortfolioLoan;
    if (u < 0.55) {
      const c = 1 + Math.floor(rnd() * 5);
      loan = {
        amount, rate: pick([0.01, 0.0125, 0.015, 0.02]) + jitter(), years: 20, grace: 5, method: 'linear',
        disbursement: equalShares(c), frontEndFee: 0.0025, commitmentFee: 0.005, startYear,
      };
    } else if (u < 0.75) {
      const c = 1 + Math.floor(rnd() * 3);
      loan = {
        amount, rate: pick([0.045, 0.055, 0.065]) + jitter(), years: 15, grace: 3, method: 'annuity',
        disbursement: equalShares(c), capitalize: rnd() < 0.5, frontEndFee: 0.005, commitmentFee: 0.0075, startYear,
      };
    } else if (u < 0.85) {
      const long = rnd() < 0.5;
      loan = {
        amount, rate: pick([0.0075, 0.01]) + jitter(), years: long ? 40 : 30, grace: long ? 10 : 5, method: 'custom',
        profile: long ? IDA_40 : IDA_30, disbursement: equalShares(1 + Math.floor(rnd() * 4)), commitmentFee: 0.005, startYear,
      };
    } else if (u < 0.92) {
      loan = {
        amount, rate: pick([0.06, 0.07]) + jitter(), years: 7, grace: 2, method: 'bullet',
        disbursement: [0.5, 0.5], frontEndFee: 0.01, startYear,
      };
    } else {
      loan = {
        amount, rate: pick([0.035, 0.04]) + jitter(), years: 12, grace: 2, method: 'linear',
        disbursement: equalShares(1 + Math.floor(rnd() * 3)), frontEndFee: 0.005, startYear,
      };
    }
    loans[i] = loan;
  }
  return loans;
}

/** Σ maturity over the loans, and a window holding every loan whole. */
export function portfolioSpan(loans: readonly PortfolioLoan[]): { loanYears: number; window: ReflowWindow } {
  let loanYears = 0;
  let firstYear = Infinity;
  let lastYear = -Infinity;
  for (const l of loans) {
    loanYears += l.years;
    firstYear = Math.min(firstYear, l.startYear);
    lastYear = Math.max(lastYear, l.startYear + l.years);
  }
  return { loanYears, window: { firstYear, lastYear } };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Warms up (at least `warmup` calls and half a second, so that the JIT has
 * settled and the scavenges that promote freshly generated loans are over),
 * then times `runs` calls; a checksum keeps the results alive.
 */
export function timeKernel(name: string, kernel: Kernel, loans: readonly PortfolioLoan[], runs: number, warmup = 5): KernelBenchResult {
  const { loanYears, window } = portfolioSpan(loans);
  let sink = 0;
  const warmStart = performance.now();
  for (let i = 0; i < warmup || performance.now() - warmStart < 500; i++) sink += kernel(loans, window)[0]?.disbursed ?? 0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const rows = kernel(loans, window);
    times.push(performance.now() - t0);
    sink += rows[rows.length >> 1]?.outstanding ?? 0;
  }
  if (!Number.isFinite(sink)) throw new Error(`${name}: non-finite checksum`);
  const medianMs = median(times);
  return {
    name,
    loans: loans.length,
    loanYears,
    medianMs,
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    loanYearsPerSecond: loanYears / (medianMs / 1000),
  };
}

export interface KernelBenchOptions {
  /** Loan counts; default 100,000 and 1,000,000. */
  readonly sizes?: readonly number[];
  /** Also time the portfolio with a distinct rate per loan (the per-loan path). Default true. */
  readonly distinct?: boolean;
  /** Timed runs per case; default 11 below a million loans, 7 from there. */
  readonly runs?: number;
  /** The kernel to time; default `portfolioReflows` (the harness can pass an older one to compare). */
  readonly kernel?: Kernel;
}

export async function benchKernel(options: KernelBenchOptions = {}): Promise<KernelBenchResult[]> {
  const sizes = options.sizes ?? [100_000, 1_000_000];
  const kernel = options.kernel ?? portfolioReflows;
  const results: KernelBenchResult[] = [];
  for (const n of sizes) {
    const runs = options.runs ?? (n >= 1_000_000 ? 7 : 11);
    results.push(timeKernel(`kernel ${n.toLocaleString('en')} loans`, kernel, generatePortfolio(n, 20260101), runs));
    if (options.distinct ?? true) {
      results.push(timeKernel(`kernel ${n.toLocaleString('en')} loans, distinct terms`, kernel, generatePortfolio(n, 20260101, { distinctTerms: true }), runs));
    }
    await new Promise((resolve) => setImmediate(resolve)); // let the loans be collected
  }
  return results;
}

export function formatKernelTable(results: readonly KernelBenchResult[]): string {
  const head = ['case', 'loans', 'loan-years', 'median ms', 'min ms', 'max ms', 'loan-years/s'];
  const body = results.map((r) => [
    r.name,
    r.loans.toLocaleString('en'),
    r.loanYears.toLocaleString('en'),
    r.medianMs.toFixed(2),
    r.minMs.toFixed(2),
    r.maxMs.toFixed(2),
    r.loanYearsPerSecond.toExponential(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = await benchKernel();
  console.log(formatKernelTable(results));
}
