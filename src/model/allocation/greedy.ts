/**
 * Greedy allocation: rank by score per FCFA (ranking.ts), then give each
 * project, in rank order, its earliest feasible commitment year (unless the
 * single-project limit makes a later year worth more: see `yearsToTry`).
 *
 * 1. Pinned projects first, each at its earliest year where the bank limits
 *    hold; if none, the scenario is infeasible (AllocationInfeasible).
 * 2. The others, in rank order, at their earliest year where the bank limits
 *    (capacity, equity-to-loans, country exposure, single project) hold.
 * 3. The share limits (fair-return band, sector caps) apply to the final
 *    portfolio; they cannot be tested project by project from an empty
 *    portfolio (the first project is always 100 % of commitments). If the
 *    portfolio breaks them: add, in rank order, a project that reduces the
 *    breach without breaking a bank limit; failing that, drop the
 *    lowest-ranked unpinned project whose removal reduces it (or, if no
 *    single removal does, the lowest-ranked one). Repeat; the empty
 *    portfolio meets every share limit, so this ends.
 * 4. Completion: repeated passes in rank order adding any project that fits
 *    with every limit, until none does.
 * Every step is checked by the full projection (evaluate.ts), computed
 * incrementally from the current portfolio's (incremental.ts): each test
 * costs O(years), not O(portfolio × years).
 */
import type { BankProjection } from '../bank/project.js';
import type { CommitmentTotals } from '../portfolio.js';
import { amountAt, evaluate, isFeasible, type Evaluation, type Placement } from './evaluate.js';
import { evaluateChange, stateOf, type Change, type PortfolioState } from './incremental.js';
import { AllocationInfeasible } from './infeasible.js';
import { shareLimitViolationsOf, type Violation } from './limits.js';
import { totalsWith } from './totals.js';
import type { AllocationModel, Eligible } from './model.js';
import { earnedValue, rankEligible } from './ranking.js';

export interface GreedyResult {
  readonly evaluation: Evaluation;
  /** Projects in greedy priority order. */
  readonly ranked: readonly Eligible[];
  readonly evaluations: number;
}

function relativeBreach(share: readonly Violation[], totals: CommitmentTotals): number {
  const total = totals.total;
  if (!(total > 0)) return 0;
  return share.reduce((s, v) => s + v.amount, 0) / total;
}

/** Total share breach relative to total commitments (0 when the share limits hold). */
export function shareBreach(ev: Evaluation): number {
  return relativeBreach(ev.share, ev.totals);
}

export function describeViolation(v: Violation): string {
  return `${v.limit}: ${v.detail}`;
}

class Greedy {
  evaluations = 0;
  private evaluation: Evaluation;
  /** The current portfolio in incremental form, built when first needed after each move. */
  private portfolioState: PortfolioState | null = null;
  constructor(
    readonly model: AllocationModel,
    readonly ranked: readonly Eligible[],
  ) {
    this.evaluation = this.eval([]);
  }

  get current(): Evaluation {
    return this.evaluation;
  }

  set current(ev: Evaluation) {
    this.evaluation = ev;
    this.portfolioState = null;
    this.version++;
  }

  /** Counts the moves: a test repeated at the same version gives the same answer. */
  version = 0;

  /** The current portfolio in incremental form. */
  get state(): PortfolioState {
    this.portfolioState ??= stateOf(this.model, this.evaluation);
    return this.portfolioState;
  }

  eval(placements: readonly Placement[], guess?: BankProjection): Evaluation {
    this.evaluations++;
    return evaluate(this.model, placements, guess);
  }

  /** `eval` of the current placements with one project added at the end or removed, seeded by the current projection. */
  change(change: Change): Evaluation {
    this.evaluations++;
    return evaluateChange(this.model, this.state, change, this.current.projection);
  }

  placed(id: string): boolean {
    return this.state.has(id);
  }

  /**
   * The bank-limit test for one more project. Normally: no bank limit broken.
   * If the bank breaks a limit even before this project (an empty portfolio
   * that runs out of cash under its own running costs, say), lending may be
   * what repairs it: then a project is accepted if it does not make the total
   * breach worse. The run fails at the end if the breach remains.
   */
  hardOk(x: Evaluation): boolean {
    if (this.current.hard.length === 0) return x.hard.length === 0;
    return x.breach <= this.current.breach * (1 + 1e-12) && !x.hard.some((v) => v.limit === 'single-project');
  }

  /**
   * Candidate years in the order they are tried: highest earned score first
   * (ranking.ts: funded share, discounted for delay), earliest among equals.
   * A project that can be funded in full at its earliest year is tried there
   * first; one cut by the single-project limit waits for a later year only if
   * the larger amount outweighs the delay. The amount at year y depends only
   * on commitments before y, so the current projection gives it exactly.
   */
  yearsToTry(e: Eligible): number[] {
    const value = new Map(e.years.map((y) => [y, earnedValue(this.model, e, amountAt(this.model, e, y, this.current.projection), y)]));
    const tolerance = 1e-12 * Math.max(1, Math.abs(e.value));
    return [...e.years].sort((a, b) => {
      const d = value.get(b)! - value.get(a)!;
      return Math.abs(d) > tolerance ? d : a - b;
    });
  }

  /**
   * The evaluation with `e` added at the first year (in `yearsToTry` order) that passes `accept`, or null.
   * `screen` (optional) sees the share-limit violations the commitment totals would have with `e`
   * added at its amount read off the current projection (totals.ts): O(members + sectors), no
   * projection. A year it refuses is not evaluated. The screen leaves out the small changes of the
   * other commitments' amounts that adding `e` can cause (single-project limit, later years), so it
   * is used only where a near miss costs nothing but the choice of another candidate.
   */
  tryAdd(e: Eligible, accept: (ev: Evaluation) => boolean, screen?: (share: readonly Violation[], totals: CommitmentTotals) => boolean): Evaluation | null {
    for (const year of this.yearsToTry(e)) {
      if (screen) {
        const totals = totalsWith(this.current.totals, e.project, amountAt(this.model, e, year, this.current.projection));
        if (!screen(shareLimitViolationsOf(this.model.ctx, totals), totals)) continue;
      }
      const ev = this.change({ add: { projectId: e.project.id, year } });
      if (accept(ev)) return ev;
    }
    return null;
  }

  placePinned(): void {
    for (const e of this.ranked) {
      if (!e.pinned) continue;
      const ev = this.tryAdd(e, (x) => this.hardOk(x));
      if (!ev) {
        const attempt = this.change({ add: { projectId: e.project.id, year: e.years[0]! } });
        const why = attempt.hard.map(describeViolation).join('; ');
        throw new AllocationInfeasible(
          `pinned project ${e.project.id} cannot be funded in any year ${e.years[0]}–${e.years[e.years.length - 1]} within the bank's limits (in ${e.years[0]}: ${why})`,
          [e.project.id],
          attempt.hard[0]?.limit ?? null,
        );
      }
      this.current = ev;
    }
  }

  fillHard(): void {
    for (const e of this.ranked) {
      if (this.placed(e.project.id)) continue;
      const ev = this.tryAdd(e, (x) => this.hardOk(x));
      if (ev) this.current = ev;
    }
  }

  repairShares(): void {
    const dropped = new Set<string>();
    let guard = 0;
    while (this.current.share.length > 0 && guard++ < 10 * this.ranked.length + 10) {
      const breach = shareBreach(this.current);
      // a) add a project that reduces the breach
      let improved = false;
      for (const e of this.ranked) {
        if (this.placed(e.project.id) || dropped.has(e.project.id)) continue;
        const ev = this.tryAdd(
          e,
          (x) => x.hard.length === 0 && shareBreach(x) < breach - 1e-12,
          (share, totals) => relativeBreach(share, totals) < breach - 1e-12,
        );
        if (ev) {
          this.current = ev;
          improved = true;
          break;
        }
      }
      if (improved) continue;
      // b) drop the lowest-ranked unpinned project whose removal reduces the breach; if no single
      //    removal does (e.g. two projects of a capped sector), drop the lowest-ranked one anyway:
      //    the set shrinks at every step and the empty portfolio meets every share limit.
      let removed = false;
      for (const strict of [true, false]) {
        for (const e of [...this.ranked].reverse()) {
          if (e.pinned || !this.placed(e.project.id)) continue;
          if (strict) {
            const rest = this.state.totalsWithout(this.state.indexOfProject(e.project.id));
            if (relativeBreach(shareLimitViolationsOf(this.model.ctx, rest), rest) >= breach - 1e-12) continue;
          }
          const ev = this.change({ remove: e.project.id });
          if (ev.hard.length > 0) continue;
          this.current = ev;
          dropped.add(e.project.id);
          removed = true;
          break;
        }
        if (removed) break;
      }
      if (!removed) {
        const pins = this.ranked.filter((e) => e.pinned).map((e) => e.project.id);
        throw new AllocationInfeasible(
          `the share limits cannot be met: ${this.current.share.map(describeViolation).join('; ')}${pins.length ? ` (pinned: ${pins.join(', ')})` : ''}`,
          pins,
          this.current.share[0]?.limit ?? null,
        );
      }
    }
    if (this.current.share.length > 0) {
      throw new AllocationInfeasible(`the share limits could not be met: ${this.current.share.map(describeViolation).join('; ')}`, [], this.current.share[0]?.limit ?? null);
    }
  }

  /**
   * Drops the lowest-ranked unpinned projects until the bank limits hold
   * (used on a MILP solution the projection rejects). Each drop must reduce
   * the total breach.
   */
  repairHard(): void {
    while (this.current.hard.length > 0) {
      const before = this.current.breach;
      let best: Evaluation | null = null;
      for (const e of [...this.ranked].reverse()) {
        if (e.pinned || !this.placed(e.project.id)) continue;
        const ev = this.change({ remove: e.project.id });
        if (ev.hard.length === 0 || ev.breach < before) {
          best = ev;
          break;
        }
      }
      if (!best) {
        throw new AllocationInfeasible(
          `the bank's limits cannot be met with the pinned projects: ${this.current.hard.map(describeViolation).join('; ')}`,
          this.ranked.filter((e) => e.pinned).map((e) => e.project.id),
          this.current.hard[0]?.limit ?? null,
        );
      }
      this.current = best;
    }
  }

  complete(): void {
    // A project refused at every year against the current portfolio is refused again until the
    // portfolio changes: the last pass, which finds nothing more, re-tests only the projects
    // tried before the previous pass's last addition.
    const refusedAt = new Map<string, number>();
    let added = true;
    while (added) {
      added = false;
      for (const e of this.ranked) {
        if (this.placed(e.project.id) || refusedAt.get(e.project.id) === this.version) continue;
        // The portfolio meets the share limits here (repairShares): a candidate that would break one is not projected.
        const ev = this.tryAdd(e, isFeasible, (share) => share.length === 0);
        if (ev) {
          this.current = ev;
          added = true;
        } else refusedAt.set(e.project.id, this.version);
      }
    }
  }
}

/** Runs the greedy fill; `start` optionally seeds it with placements already chosen (e.g. a MILP solution). */
export function greedyAllocation(model: AllocationModel, start?: readonly Placement[]): GreedyResult {
  const ranked = rankEligible(model);
  const g = new Greedy(model, ranked);
  const withoutLending = g.current.hard;
  if (start) {
    g.current = g.eval(start);
    g.repairHard();
  } else {
    g.placePinned();
    g.fillHard();
  }
  if (g.current.hard.length > 0) {
    throw new AllocationInfeasible(
      `the bank breaks its limits even without lending (${withoutLending.map(describeViolation).join('; ')}), and no allocation found repairs it: ${g.current.hard.map(describeViolation).join('; ')}. More paid-in capital or levy, or lower operating expenses, are needed`,
      [],
      g.current.hard[0]?.limit ?? null,
    );
  }
  if (g.current.share.length > 0) g.repairShares();
  g.complete();
  return { evaluation: g.current, ranked, evaluations: g.evaluations };
}
