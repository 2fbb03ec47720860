/**
 * Incremental oracle: `evaluate` for a portfolio that differs from an already
 * evaluated one by a single project added (at the end of the placements) or
 * removed, in O(years) plus the commitments whose amount changes, instead of
 * re-aggregating the whole portfolio (O(portfolio × years)) for every
 * candidate the greedy fill or the reasons try.
 *
 * It follows `evaluate` step by step, with the same fixed point on the
 * amounts (same passes, same tolerance, same seed projection):
 * - the portfolio flows are the base portfolio's plus the candidate's (or
 *   minus the removed project's), plus (new − old amount) × unit flows of
 *   every commitment whose amount a pass changes;
 * - every commitment of year y has amount min(maxAmount, cap_y) where cap_y =
 *   singleProjectLimit × equity at the end of y − 1 of the projection the
 *   amounts were last read from (all amounts are re-read at once, as in
 *   `evaluate`). Within a year the commitments are kept sorted by maxAmount,
 *   so when cap_y moves only those with maxAmount above the lower of the two
 *   caps are touched, and the single-project test stops at the first one
 *   that passes (the gap grows with the amount);
 * - the commitment totals (share limits) are updated by the same deltas.
 * The only difference with `evaluate` is the order of floating-point sums
 * (relative differences of the order of 1e-15); `run.ts` re-evaluates the
 * final allocation from scratch anyway.
 */
import { bankPolicy, projectBank, type BankPolicy, type BankProjection } from '../bank/project.js';
import type { MemberCode } from '../../schema/codes.js';
import {
  addCommitment,
  clonePortfolio,
  commitmentTotals,
  emptyPortfolio,
  type Commitment,
  type CommitmentTotals,
  type PortfolioFlows,
} from '../portfolio.js';
import { amountsReference, amountUnder, capAt, zeroAmountViolation, type Evaluation, type Placement } from './evaluate.js';
import { scanBankLimits, shareLimitViolationsOf, singleProjectViolation, type Violation } from './limits.js';
import type { AllocationModel, Eligible } from './model.js';

interface ModelIndex {
  /** Project id → position in `model.eligible`. */
  readonly ordinal: ReadonlyMap<string, number>;
  readonly policy: BankPolicy;
}

const indexes = new WeakMap<AllocationModel, ModelIndex>();

function indexOf(model: AllocationModel): ModelIndex {
  let ix = indexes.get(model);
  if (!ix) {
    ix = { ordinal: new Map(model.eligible.map((e, k) => [e.project.id, k])), policy: bankPolicy(model.ctx.scenario) };
    indexes.set(model, ix);
  }
  return ix;
}

function projectFlows(model: AllocationModel, portfolio: PortfolioFlows): BankProjection {
  const { ctx } = model;
  return projectBank(
    { years: ctx.years, openingPaidIn: ctx.funding.openingPaidIn, openingLevy: ctx.funding.openingLevy, paidIn: ctx.funding.paidIn, levy: ctx.funding.levy, portfolio },
    indexOf(model).policy,
  );
}

interface MutableTotals {
  total: number;
  byMember: Record<MemberCode, number>;
  bySector: Map<string, number>;
}

function copyTotals(t: CommitmentTotals): MutableTotals {
  return { total: t.total, byMember: { ...t.byMember }, bySector: new Map(t.bySector) };
}

/** Adds `a` committed to `c`'s project to the totals (same terms as `commitmentTotals`). */
function addToTotals(t: MutableTotals, c: Commitment, a: number): void {
  t.total += a;
  for (const s of c.project.countries) t.byMember[s.member] += s.share * a;
  t.bySector.set(c.project.sector, (t.bySector.get(c.project.sector) ?? 0) + a);
}

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

/** An evaluated portfolio, in the form the incremental oracle starts from. Immutable. */
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
    const o = indexOf(this.model).ordinal.get(id);
    return o === undefined ? -1 : this.position[o]!;
  }

  has(id: string): boolean {
    return this.indexOfProject(id) >= 0;
  }

  /** The commitment totals without commitment `k`. */
  totalsWithout(k: number): CommitmentTotals {
    if (this.commitments.length === 1) return commitmentTotals([]);
    const t = copyTotals(this.totals);
    addToTotals(t, this.commitments[k]!, -this.commitments[k]!.amount);
    return t;
  }

  static fromEvaluation(model: AllocationModel, ev: Evaluation): PortfolioState {
    const ix = indexOf(model);
    const eligible = ev.placements.map((p) => {
      const e = model.byId.get(p.projectId);
      if (!e) throw new RangeError(`project ${p.projectId} is not eligible for allocation`);
      return e;
    });
    const position = new Int32Array(model.eligible.length).fill(-1);
    const groups = new Map<number, number[]>();
    eligible.forEach((e, k) => {
      const o = ix.ordinal.get(e.project.id)!;
      if (position[o]! >= 0) throw new RangeError(`project ${e.project.id} is placed twice`);
      position[o] = k;
      const y = ev.placements[k]!.year;
      const g = groups.get(y);
      if (g) g.push(k);
      else groups.set(y, [k]);
    });
    for (const g of groups.values()) sortGroup(g, eligible);
    const ref = amountsReference(ev);
    const caps = new Map<number, number>();
    for (const y of groups.keys()) caps.set(y, ref === undefined ? Number.NaN : capAt(model, y, ref));
    return new PortfolioState(model, ev.placements, ev.commitments, eligible, position, caps, groups, ev.portfolio, ev.totals);
  }
}

const states = new WeakMap<Evaluation, PortfolioState>();

/** The incremental form of an evaluation (built once per evaluation, O(portfolio × years) for a full one). */
export function stateOf(model: AllocationModel, ev: Evaluation): PortfolioState {
  if (ev instanceof IncrementalEvaluation) return ev.state();
  let s = states.get(ev);
  if (!s) {
    s = PortfolioState.fromEvaluation(model, ev);
    states.set(ev, s);
  }
  return s;
}

export type Change = { readonly add: Placement; readonly remove?: undefined } | { readonly add?: undefined; readonly remove: string };

class IncrementalEvaluation implements Evaluation {
  private materialised: PortfolioState | null = null;
  constructor(
    private readonly base: PortfolioState,
    /** Index in `base` of the removed commitment, or −1. */
    private readonly removed: number,
    /** The added project and its commitment, or null. */
    private readonly added: { readonly e: Eligible; readonly commitment: Commitment } | null,
    /** Base index → new amount, for the commitments whose amount changed. */
    private readonly amounts: ReadonlyMap<number, number>,
    private readonly caps: ReadonlyMap<number, number>,
    readonly portfolio: PortfolioFlows,
    readonly projection: BankProjection,
    readonly totals: CommitmentTotals,
    readonly hard: readonly Violation[],
    readonly share: readonly Violation[],
    readonly breach: number,
  ) {}

  get placements(): readonly Placement[] {
    return this.state().placements;
  }

  get commitments(): readonly Commitment[] {
    return this.state().commitments;
  }

  state(): PortfolioState {
    if (this.materialised) return this.materialised;
    const { base, removed, added } = this;
    const ix = indexOf(base.model);
    let placements = base.placements.slice();
    let commitments = base.commitments.slice();
    let eligible = base.eligible.slice();
    for (const [k, amount] of this.amounts) {
      const c = commitments[k]!;
      commitments[k] = { project: c.project, financing: c.financing, year: c.year, amount };
    }
    let position = base.position;
    let groups = new Map(base.groups);
    if (removed >= 0) {
      placements.splice(removed, 1);
      commitments.splice(removed, 1);
      eligible.splice(removed, 1);
      position = base.position.slice();
      position[ix.ordinal.get(base.eligible[removed]!.project.id)!] = -1;
      for (let k = removed; k < eligible.length; k++) position[ix.ordinal.get(eligible[k]!.project.id)!] = k;
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
      if (position === base.position) position = base.position.slice();
      position[ix.ordinal.get(added.e.project.id)!] = k;
      groups.set(added.commitment.year, insertSorted(groups.get(added.commitment.year) ?? [], k, eligible));
    }
    const caps = new Map<number, number>();
    for (const y of groups.keys()) caps.set(y, this.caps.get(y)!);
    this.materialised = new PortfolioState(base.model, placements, commitments, eligible, position, caps, groups, this.portfolio, this.totals);
    return this.materialised;
  }
}

/**
 * `evaluate(model, placements', guess)` where placements' is `base`'s
 * placements with `change.add` appended or `change.remove` taken out.
 */
export function evaluateChange(model: AllocationModel, base: PortfolioState, change: Change, guess: BankProjection): Evaluation {
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
    addToTotals(totals, c, -c.amount);
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

  // The fixed point of `evaluate`, pass by pass.
  let reference = guess;
  let projection: BankProjection | null = null;
  const pendingK: number[] = [];
  const pendingA: number[] = [];
  const pendingCaps: [number, number][] = [];
  for (let pass = 0; pass <= years.length + 1; pass++) {
    pendingK.length = 0;
    pendingA.length = 0;
    pendingCaps.length = 0;
    let changed = projection === null;
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
              if (Math.abs(a - cur) > 1e-9 * Math.max(1, a)) changed = true;
            }
          }
        }
      }
      if (addE && y === addYear) {
        addAmount = amountUnder(addE, cap);
        if (added && Math.abs(addAmount - added.amount) > 1e-9 * Math.max(1, addAmount)) changed = true;
      }
    }
    if (!changed) break;
    for (const [y, cap] of pendingCaps) caps.set(y, cap);
    for (let j = 0; j < pendingK.length; j++) {
      const k = pendingK[j]!;
      const c = base.commitments[k]!;
      const delta = pendingA[j]! - amountOf(k);
      addCommitment(flows, { project: c.project, financing: c.financing, year: c.year, amount: delta }, ctx.years, model.elRates);
      addToTotals(totals, c, delta);
      amounts.set(k, pendingA[j]!);
    }
    if (addE && addYear !== undefined) {
      const c: Commitment = { project: addE.project, financing: addE.financing, year: addYear, amount: addAmount };
      const delta = added ? addAmount - added.amount : addAmount;
      if (delta !== 0 || !added) {
        addCommitment(flows, { ...c, amount: delta }, ctx.years, model.elRates);
        addToTotals(totals, c, delta);
      }
      added = c;
    }
    projection = projectFlows(model, flows);
    reference = projection;
  }
  const finalProjection = projection ?? projectFlows(model, flows);

  // Limits, in `evaluate`'s order: bank limits, single-project, nothing to commit.
  const bank = scanBankLimits(ctx, finalProjection, flows);
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
      const v = singleProjectViolation(ctx, finalProjection, commitmentOf(k));
      if (!v) break; // amounts fall along the group, and so does the gap
      single.push([positionOf(k), v]);
    }
    if (!(caps.get(y)! > 0)) {
      for (const k of group) {
        if (k === removed) continue;
        const v = zeroAmountViolation(model, commitmentOf(k), finalProjection);
        if (v) zero.push([positionOf(k), v]);
      }
    }
  }
  if (added) {
    const last = count - 1;
    const v = singleProjectViolation(ctx, finalProjection, added);
    if (v) single.push([last, v]);
    const z = zeroAmountViolation(model, added, finalProjection);
    if (z) zero.push([last, z]);
  }
  const byPosition = (a: [number, Violation], b: [number, Violation]): number => a[0] - b[0];
  const hard = [...bank.violations, ...single.sort(byPosition).map((x) => x[1]), ...zero.sort(byPosition).map((x) => x[1])];
  const breach = bank.total + hard.filter((v) => v.limit === 'single-project').reduce((s, v) => s + v.amount, 0);
  const share = shareLimitViolationsOf(ctx, totals);
  return new IncrementalEvaluation(
    base,
    removed,
    addE && added ? { e: addE, commitment: added } : null,
    amounts,
    caps,
    flows,
    finalProjection,
    totals,
    hard,
    share,
    breach,
  );
}
