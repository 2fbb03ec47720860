/**
 * One thread's Monte Carlo loop: for each path of a block, draw its shocks,
 * project the stressed bank, check the accounting identities and add the
 * path's metrics to the block's accumulator. Runs in a worker thread or, with
 * one worker, in the main thread; it imports neither the allocation nor any
 * renderer (canvas must never load in a worker, docs/stack-notes.md §2).
 */
import { neutralShocks, type MutableShockSet, type ShockSet } from '../shocks/shock-set.js';
import { BlockSums, LIMITS, SCALAR_LOSS, SCALAR_MIN_EL, SCALAR_YEAR_LOSS, Tally, YEAR_LOSS_ROW, type AccumulatorLayout } from './accumulator.js';
import type { CompiledRun, Funding } from './compiled.js';
import { IDENTITIES, worstIdentityGap } from './identities.js';
import { PathWorkspace, runPath, type PathResult } from './path.js';
import { SamplerScratch, samplePath, type SamplerParams } from './sampler.js';

/** Everything a thread needs, as plain data (structured-clone safe). */
export interface McModel {
  readonly seed: number;
  readonly paths: number;
  /** Paths per block: fixed, so the grouping of floating sums never depends on the workers. */
  readonly blockSize: number;
  readonly compiled: CompiledRun;
  readonly funding: Funding;
  /** The scenario's named stresses: every path starts from them. */
  readonly base: ShockSet;
  readonly params: SamplerParams;
  readonly layout: AccumulatorLayout;
}

export function blockCount(model: Pick<McModel, 'paths' | 'blockSize'>): number {
  return Math.ceil(model.paths / model.blockSize);
}

const LIMIT_TOLERANCE = 1e-6;
const tol = (scale: number) => LIMIT_TOLERANCE * Math.max(1, Math.abs(scale));

/**
 * Adds one path's metrics, limit breaches (the tests of src/model/allocation/limits.ts,
 * same tolerance), defaults and its worst identity gap.
 */
export function recordPath(tally: Tally, sums: BlockSums, c: CompiledRun, r: PathResult, s: ShockSet, path: number): void {
  const T = c.years.count;
  const p = r.portfolio;
  const b = r.projection;
  const floor = c.equityToLoansFloor;
  const gearing = c.policy.borrowing.maxGearing;
  const countryLimit = c.countryExposureLimit;
  const mli = p.memberExposure.MLI;
  const bfa = p.memberExposure.BFA;
  const ner = p.memberExposure.NER;
  const hist = tally.hist;
  const d0 = s.memberDefault.MLI?.yearIndex ?? Infinity;
  const d1 = s.memberDefault.BFA?.yearIndex ?? Infinity;
  const d2 = s.memberDefault.NER?.yearIndex ?? Infinity;
  let broken = 0;
  let cumLoss = 0;
  let minEl = Infinity;
  for (let i = 0; i < T; i++) {
    const exposure = p.loans[i]! + p.equityHeld[i]!;
    const equity = b.equity[i]!;
    const cash = b.cash[i]!;
    const next = b.nextNetOutflows[i]!;
    const yearLoss = r.creditLoss[i]!;
    cumLoss += yearLoss;
    tally.scalars.add(SCALAR_YEAR_LOSS + i, yearLoss);
    sums.sums[YEAR_LOSS_ROW * T + i] = sums.sums[YEAR_LOSS_ROW * T + i]! + yearLoss;
    if (exposure > 0) {
      const el = equity / exposure;
      if (el < minEl) minEl = el;
      hist.add(i, el);
      sums.sums[i] = sums.sums[i]! + el;
    }
    const liquidity = next > 0 ? cash / (next / 12) : Infinity;
    hist.add(T + i, liquidity);
    if (liquidity !== Infinity) sums.sums[T + i] = sums.sums[T + i]! + liquidity;
    hist.add(2 * T + i, equity);
    sums.sums[2 * T + i] = sums.sums[2 * T + i]! + equity;
    hist.add(3 * T + i, cumLoss);
    sums.sums[3 * T + i] = sums.sums[3 * T + i]! + cumLoss;

    const required = floor * exposure;
    const debt = b.borrowings[i]!;
    const buffer = b.buffer[i]!;
    let year = 0;
    if (exposure > 0 && required - equity > tol(required)) year |= 1;
    if (buffer - cash > tol(Math.max(buffer, Math.abs(cash)))) year |= 2;
    if (debt > 0 && debt - gearing * equity > tol(debt)) year |= 4;
    const cap = countryLimit * equity;
    if ((mli[i]! > 0 && mli[i]! - cap > tol(mli[i]!)) || (bfa[i]! > 0 && bfa[i]! - cap > tol(bfa[i]!)) || (ner[i]! > 0 && ner[i]! - cap > tol(ner[i]!))) year |= 8;
    if (equity < 0) year |= 16;
    if (year !== 0) {
      for (let l = 0; l < LIMITS.length; l++) if (year & (1 << l)) tally.breachYear[l * T + i]!++;
      broken |= year;
    }
    if (broken !== 0) for (let l = 0; l < LIMITS.length; l++) if (broken & (1 << l)) tally.breachBy[l * T + i]!++;
    if (d0 <= i) tally.defaultedBy[i]!++;
    if (d1 <= i) tally.defaultedBy[T + i]!++;
    if (d2 <= i) tally.defaultedBy[2 * T + i]!++;
    if (d0 <= i && d1 <= i && d2 <= i) tally.defaultedBy[3 * T + i]!++;
  }
  for (let l = 0; l < LIMITS.length; l++) if (broken & (1 << l)) tally.breachAny[l]!++;
  if (broken !== 0) tally.breachAny[LIMITS.length]!++;
  // The path's total credit loss, with its slot's sum for the tail mean.
  tally.scalars.add(SCALAR_LOSS, cumLoss);
  const slot = tally.scalars.slot(SCALAR_LOSS, cumLoss);
  sums.lossBinSums[slot] = sums.lossBinSums[slot]! + cumLoss;
  sums.moments[0] = sums.moments[0]! + cumLoss;
  sums.moments[1] = sums.moments[1]! + cumLoss * cumLoss;
  if (minEl !== Infinity) tally.scalars.add(SCALAR_MIN_EL, minEl);
  const gap = worstIdentityGap(p, b, r.paidIn, r.levy);
  const w = tally.worst;
  if (w[1]! < 0 || gap.ratio > w[0]!) {
    w[0] = gap.ratio;
    w[1] = path;
    w[2] = IDENTITIES.indexOf(gap.identity);
    w[3] = gap.yearIndex;
  }
  tally.paths++;
}

export class PathSimulator {
  private readonly ws: PathWorkspace;
  private readonly shocks: MutableShockSet;
  private readonly scratch: SamplerScratch;
  /** This thread's tally over every block it ran. */
  readonly tally: Tally;

  constructor(readonly model: McModel) {
    const c = model.compiled;
    this.ws = new PathWorkspace(c.years.count + 1);
    this.shocks = neutralShocks(c.projects.length, c.years.count);
    this.scratch = new SamplerScratch(c.years.count);
    this.tally = new Tally(model.layout);
  }

  /** The block's paths, index·blockSize … (index+1)·blockSize − 1, in order: counts into the tally, sums returned. */
  runBlock(index: number): BlockSums {
    const m = this.model;
    const sums = new BlockSums(m.layout);
    const end = Math.min(m.paths, (index + 1) * m.blockSize);
    for (let path = index * m.blockSize; path < end; path++) this.runOne(path, sums);
    return sums;
  }

  runOne(path: number, sums: BlockSums): PathResult {
    const m = this.model;
    samplePath(m.params, m.base, m.seed, path, this.shocks, this.scratch);
    const r = runPath(m.compiled, this.shocks, m.funding, this.ws);
    recordPath(this.tally, sums, m.compiled, r, this.shocks, path);
    return r;
  }

  /** The shocks drawn for the last path run (tests). */
  lastShocks(): ShockSet {
    return this.shocks;
  }
}
