/**
 * An evaluated portfolio in the form the incremental evaluator
 * (incremental.ts) starts from: its commitments indexed by project and
 * grouped by commitment year (largest maxAmount first), the cap each year's
 * amounts were read under, its flows and commitment totals. An explicit,
 * immutable value: the greedy fill holds the current one next to the
 * current evaluation, and an incremental evaluation builds its successor.
 */
import { commitmentTotals, type Commitment, type CommitmentTotals, type PortfolioFlows } from '../portfolio.js';
import type { Evaluation, Placement } from './evaluate.js';
import type { AllocationModel, Eligible } from './model.js';
import { addToTotals, copyTotals } from './totals.js';

/** Sorted insertion key: larger maxAmount first, then placement order. */
function insertSorted(group: readonly number[], k: number, eligible: readonly Eligible[]): number[] {
  const m = eligible[k]!.maxAmount;
  let lo = 0;
  let hi = group.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const j = group[mid]!;
    const mj = eligible[j]!.maxAmount;
    if (mj > m || (mj === m && j < k)) lo = mid + 1;
    else hi = mid;
  }
  const out = group.slice();
  out.splice(lo, 0, k);
  return out;
}

function sortGroup(group: number[], eligible: readonly Eligible[]): number[] {
  return group.sort((a, b) => eligible[b]!.maxAmount - eligible[a]!.maxAmount || a - b);
}

/** What an incremental evaluation changed, enough to build the next state. */
export interface StateChange {
  /** Index in the base of the removed commitment, or −1. */
  readonly removed: number;
  /** The added project and its commitment, or null. */
  readonly added: { readonly e: Eligible; readonly commitment: Commitment } | null;
  /** Base index → new amount, for the commitments whose amount changed. */
  readonly amounts: ReadonlyMap<number, number>;
  /** Year → cap, for every year with commitments after the change. */
  readonly caps: ReadonlyMap<number, number>;
  readonly flows: PortfolioFlows;
  readonly totals: CommitmentTotals;
}

export class PortfolioState {
  constructor(
    readonly model: AllocationModel,
    readonly placements: readonly Placement[],
    readonly commitments: readonly Commitment[],
    /** Parallel to `commitments`. */
    readonly eligible: readonly Eligible[],
    /** Position in `model.eligible` → index in `commitments`, or −1. */
    readonly position: Int32Array,
    /** Year → the single-project cap its commitments' amounts were read under (NaN: unknown). */
    readonly caps: ReadonlyMap<number, number>,
    /** Year → indices of its commitments, by maxAmount descending (then index). */
    readonly groups: ReadonlyMap<number, readonly number[]>,
    readonly flows: PortfolioFlows,
    readonly totals: CommitmentTotals,
  ) {}

  indexOfProject(id: string): number {
    const o = this.model.ordinal.get(id);
    return o === undefined ? -1 : this.position[o]!;
  }

  has(id: string): boolean {
    return this.indexOfProject(id) >= 0;
  }

  /** The commitment totals without commitment `k`. */
  totalsWithout(k: number): CommitmentTotals {
    if (this.commitments.length === 1) return commitmentTotals([]);
    const t = copyTotals(this.totals);
    addToTotals(t, this.commitments[k]!.project, -this.commitments[k]!.amount);
    return t;
  }

  /** The state of a full evaluation, O(portfolio × years) once. */
  static fromEvaluation(model: AllocationModel, ev: Evaluation): PortfolioState {
    const eligible = ev.placements.map((p) => {
      const e = model.byId.get(p.projectId);
      if (!e) throw new RangeError(`project ${p.projectId} is not eligible for allocation`);
      return e;
    });
    const position = new Int32Array(model.eligible.length).fill(-1);
    const groups = new Map<number, number[]>();
    eligible.forEach((e, k) => {
      const o = model.ordinal.get(e.project.id)!;
      if (position[o]! >= 0) throw new RangeError(`project ${e.project.id} is placed twice`);
      position[o] = k;
      const y = ev.placements[k]!.year;
      const g = groups.get(y);
      if (g) g.push(k);
      else groups.set(y, [k]);
    });
    for (const g of groups.values()) sortGroup(g, eligible);
    const caps = new Map<number, number>();
    for (const y of groups.keys()) caps.set(y, ev.caps.get(y) ?? Number.NaN);
    return new PortfolioState(model, ev.placements, ev.commitments, eligible, position, caps, groups, ev.portfolio, ev.totals);
  }

  /** The state after `change` (an incremental evaluation's), O(portfolio) copies. */
  after(change: StateChange): PortfolioState {
    const { removed, added } = change;
    const placements = this.placements.slice();
    const commitments = this.commitments.slice();
    const eligible = this.eligible.slice();
    for (const [k, amount] of change.amounts) {
      const c = commitments[k]!;
      commitments[k] = { project: c.project, financing: c.financing, year: c.year, amount };
    }
    let position = this.position;
    let groups = new Map(this.groups);
    if (removed >= 0) {
      placements.splice(removed, 1);
      commitments.splice(removed, 1);
      eligible.splice(removed, 1);
      position = this.position.slice();
      position[this.model.ordinal.get(this.eligible[removed]!.project.id)!] = -1;
      for (let k = removed; k < eligible.length; k++) position[this.model.ordinal.get(eligible[k]!.project.id)!] = k;
      const shifted = new Map<number, number[]>();
      for (const [y, g] of groups) {
        const h = g.filter((k) => k !== removed).map((k) => (k > removed ? k - 1 : k));
        if (h.length > 0) shifted.set(y, h);
      }
      groups = shifted;
    }
    if (added) {
      const k = commitments.length;
      placements.push({ projectId: added.e.project.id, year: added.commitment.year });
      commitments.push(added.commitment);
      eligible.push(added.e);
      if (position === this.position) position = this.position.slice();
      position[this.model.ordinal.get(added.e.project.id)!] = k;
      groups.set(added.commitment.year, insertSorted(groups.get(added.commitment.year) ?? [], k, eligible));
    }
    const caps = new Map<number, number>();
    for (const y of groups.keys()) caps.set(y, change.caps.get(y)!);
    return new PortfolioState(this.model, placements, commitments, eligible, position, caps, groups, change.flows, change.totals);
  }
}
