/**
 * Incremental oracle: `evaluate` for a portfolio that differs from an already
 * evaluated one (a PortfolioState, portfolio-state.ts) by a single project
 * added (at the end of the placements) or removed, in O(years) plus the
 * commitments whose amount changes, instead of re-aggregating the whole
 * portfolio (O(portfolio × years)) for every candidate the greedy fill or the
 * reasons try.
 *
 * It runs `evaluate`'s own fixed point (settleAmounts: same passes, same
 * tolerance, same seed projection) and violation assembly
 * (assembleViolations); only the way amounts are re-read and flows updated
 * differs:
 * - the portfolio flows are the base portfolio's plus the candidate's (or
 *   minus the removed project's), plus (new − old amount) × unit flows of
 *   every commitment whose amount a pass changes;
 * - every commitment of year y has amount min(maxAmount, cap_y) where cap_y =
 *   singleProjectLimit × equity at the end of y − 1 of the projection the
 *   amounts were last read from. Within a year the commitments are kept
 *   sorted by maxAmount, so when cap_y moves only those with maxAmount above
 *   the lower of the two caps are touched, and the single-project test stops
 *   at the first one that passes (the gap grows with the amount);
 * - the commitment totals (share limits) are updated by the same deltas.
 * The only difference with `evaluate` is the order of floating-point sums
 * (relative differences of the order of 1e-15); `run.ts` re-evaluates the
 * final allocation from scratch anyway.
 */
import type { BankProjection } from '../bank/project.js';
import { addCommitment, clonePortfolio, commitmentTotals, emptyPortfolio, type Commitment, type CommitmentTotals, type PortfolioFlows } from '../portfolio.js';
import { amountMoved, amountUnder, assembleViolations, capAt, projectPortfolio, settleAmounts, zeroAmountViolation, type Evaluation, type Placement } from './evaluate.js';
import { singleProjectViolation, type Violation } from './limits.js';
import type { AllocationModel, Eligible } from './model.js';
import { PortfolioState, type StateChange } from './portfolio-state.js';
import { addToTotals, copyTotals } from './totals.js';

export { PortfolioState } from './portfolio-state.js';

export type Change = { readonly add: Placement; readonly remove?: undefined } | { readonly add?: undefined; readonly remove: string };

/** An evaluation computed incrementally; its placements, commitments and state are built on first use. */
export class ChangedEvaluation implements Evaluation {
  private next: PortfolioState | null = null;
  constructor(
    private readonly base: PortfolioState,
    private readonly change: StateChange,
    readonly projection: BankProjection,
    readonly hard: readonly Violation[],
    readonly share: readonly Violation[],
    readonly breach: number,
  ) {}

  get portfolio(): PortfolioFlows {
    return this.change.flows;
  }

  get totals(): CommitmentTotals {
    return this.change.totals;
  }

  get caps(): ReadonlyMap<number, number> {
    return this.change.caps;
  }

  get placements(): readonly Placement[] {
    return this.state().placements;
  }

  get commitments(): readonly Commitment[] {
    return this.state().commitments;
  }

  /** The portfolio after the change, in incremental form. */
  state(): PortfolioState {
    this.next ??= this.base.after(this.change);
    return this.next;
  }
}

/** The incremental form of an evaluation: O(1) for an incremental one, O(portfolio × years) for a full one (keep it). */
export function stateOf(model: AllocationModel, ev: Evaluation): PortfolioState {
  return ev instanceof ChangedEvaluation ? ev.state() : PortfolioState.fromEvaluation(model, ev);
}

/**
 * `evaluate(model, placements', guess)` where placements' is `base`'s
 * placements with `change.add` appended or `change.remove` taken out.
 */
export function evaluateChange(model: AllocationModel, base: PortfolioState, change: Change, guess: BankProjection): ChangedEvaluation {
  const { ctx } = model;
  const n = base.commitments.length;
  const removed = change.remove !== undefined ? base.indexOfProject(change.remove) : -1;
  if (change.remove !== undefined && removed < 0) throw new RangeError(`project ${change.remove} is not in the portfolio`);
  let addE: Eligible | null = null;
  if (change.add) {
    addE = model.byId.get(change.add.projectId) ?? null;
    if (!addE) throw new RangeError(`project ${change.add.projectId} is not eligible for allocation`);
    if (base.has(addE.project.id)) throw new RangeError(`project ${addE.project.id} is already in the portfolio`);
  }
  const addYear = change.add?.year;
  const count = n - (removed >= 0 ? 1 : 0) + (addE ? 1 : 0);

  let flows = clonePortfolio(base.flows);
  let totals = copyTotals(base.totals);
  if (removed >= 0) {
    const c = base.commitments[removed]!;
    addCommitment(flows, c, ctx.years, model.elRates, -1);
    addToTotals(totals, c.project, -c.amount);
  }
  if (count === 0) {
    flows = emptyPortfolio(ctx.years);
    totals = copyTotals(commitmentTotals([]));
  }

  // Years with commitments after the change, and their caps.
  const years: number[] = [];
  for (const [y, g] of base.groups) if (g.some((k) => k !== removed)) years.push(y);
  if (addYear !== undefined && !base.groups.has(addYear)) years.push(addYear);
  const caps = new Map<number, number>();
  for (const y of years) {
    const c = base.caps.get(y);
    if (c !== undefined) caps.set(y, c);
  }
  const amounts = new Map<number, number>();
  const amountOf = (k: number): number => amounts.get(k) ?? base.commitments[k]!.amount;
  let added: Commitment | null = null;

  // `evaluate`'s fixed point: re-read the amounts whose cap moved, apply them as deltas.
  const pendingK: number[] = [];
  const pendingA: number[] = [];
  const pendingCaps: [number, number][] = [];
  const reassign = (reference: BankProjection, first: boolean): boolean => {
    pendingK.length = 0;
    pendingA.length = 0;
    pendingCaps.length = 0;
    let changed = first;
    let addAmount = 0;
    for (const y of years) {
      const cap = capAt(model, y, reference);
      const old = caps.get(y);
      if (old !== cap) {
        pendingCaps.push([y, cap]);
        const group = base.groups.get(y);
        if (group && old !== undefined) {
          const bound = Number.isNaN(old) || Number.isNaN(cap) ? -Infinity : Math.min(old, cap);
          for (const k of group) {
            if (k === removed) continue;
            const e = base.eligible[k]!;
            if (!(e.maxAmount > bound)) break;
            const a = amountUnder(e, cap);
            const cur = amountOf(k);
            if (a !== cur) {
              pendingK.push(k);
              pendingA.push(a);
              if (amountMoved(a, cur)) changed = true;
            }
          }
        }
      }
      if (addE && y === addYear) {
        addAmount = amountUnder(addE, cap);
        if (added && amountMoved(addAmount, added.amount)) changed = true;
      }
    }
    if (!changed) return false;
    for (const [y, cap] of pendingCaps) caps.set(y, cap);
    for (let j = 0; j < pendingK.length; j++) {
      const k = pendingK[j]!;
      const c = base.commitments[k]!;
      const delta = pendingA[j]! - amountOf(k);
      addCommitment(flows, { project: c.project, financing: c.financing, year: c.year, amount: delta }, ctx.years, model.elRates);
      addToTotals(totals, c.project, delta);
      amounts.set(k, pendingA[j]!);
    }
    if (addE && addYear !== undefined) {
      const c: Commitment = { project: addE.project, financing: addE.financing, year: addYear, amount: addAmount };
      const delta = added ? addAmount - added.amount : addAmount;
      if (delta !== 0 || !added) {
        addCommitment(flows, { ...c, amount: delta }, ctx.years, model.elRates);
        addToTotals(totals, c.project, delta);
      }
      added = c;
    }
    return true;
  };
  const settled = settleAmounts(guess, years.length, reassign, () => projectPortfolio(model, flows));
  const projection = settled ?? projectPortfolio(model, flows);

  // Single-project and nothing-to-commit violations, in commitment order, as `evaluate` lists them.
  const single: [number, Violation][] = [];
  const zero: [number, Violation][] = [];
  const positionOf = (k: number): number => (removed >= 0 && k > removed ? k - 1 : k);
  const commitmentOf = (k: number): Commitment => {
    const c = base.commitments[k]!;
    const a = amounts.get(k);
    return a === undefined ? c : { project: c.project, financing: c.financing, year: c.year, amount: a };
  };
  for (const y of years) {
    const group = base.groups.get(y);
    if (!group) continue;
    for (const k of group) {
      if (k === removed) continue;
      const v = singleProjectViolation(ctx, projection, commitmentOf(k));
      if (!v) break; // amounts fall along the group, and so does the gap
      single.push([positionOf(k), v]);
    }
    if (!(caps.get(y)! > 0)) {
      for (const k of group) {
        if (k === removed) continue;
        const v = zeroAmountViolation(model, commitmentOf(k), projection);
        if (v) zero.push([positionOf(k), v]);
      }
    }
  }
  const last: Commitment | null = added;
  if (last) {
    const v = singleProjectViolation(ctx, projection, last);
    if (v) single.push([count - 1, v]);
    const z = zeroAmountViolation(model, last, projection);
    if (z) zero.push([count - 1, z]);
  }
  const byPosition = (a: [number, Violation], b: [number, Violation]): number => a[0] - b[0];
  const violations = assembleViolations(model, projection, flows, totals, single.sort(byPosition).map((x) => x[1]), zero.sort(byPosition).map((x) => x[1]));
  const stateChange: StateChange = { removed, added: addE && last ? { e: addE, commitment: last } : null, amounts, caps, flows, totals };
  return new ChangedEvaluation(base, stateChange, projection, violations.hard, violations.share, violations.breach);
}
