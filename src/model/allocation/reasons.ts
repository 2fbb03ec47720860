/**
 * Why a project is not funded, or not fully: the binding limit and by how
 * much, tested rather than guessed. For an unfunded eligible project we add
 * it to the final portfolio at every candidate year, from its earliest start
 * to its latest feasible start (the end of the commitment window), project
 * the bank and read the limits it breaks. The reason reported is the largest
 * breach in the last year tried: a project refused in its first year for a
 * small shortfall and never reconsidered would be a false reason when a later
 * year has room; the last year is where waiting no longer helps. The year
 * where it came closest is named too. Re-running that very test
 * (tests/model/allocation) finds the same limit broken by the same amount.
 *
 * Units of `shortfall`: millions FCFA for capacity, single-project,
 * country-exposure and sector-cap; ratio points (decimals) for
 * equity-to-loans and fair-return; readiness levels for readiness.
 */
import type { FundingLimit } from '../results.js';
import type { Evaluation } from './evaluate.js';
import { evaluateChange, stateOf, type PortfolioState } from './incremental.js';
import type { Violation } from './limits.js';
import { openingEquity } from './limits.js';
import type { AllocationModel, Eligible } from './model.js';

export interface Reason {
  readonly bindingLimit: FundingLimit | null;
  readonly shortfall: number | null;
  readonly reason: string;
  readonly year: number | null;
  /** Commitment years tested, ascending (every candidate year for an unfunded project). */
  readonly yearsTried: readonly number[];
}

export function violationShortfall(v: Violation): number {
  return v.points ?? v.amount;
}

/** The violation that binds hardest (largest gap in millions FCFA). */
export function bindingViolation(violations: readonly Violation[]): Violation | null {
  let best: Violation | null = null;
  for (const v of violations) if (!best || v.amount > best.amount) best = v;
  return best;
}

export interface AdditionTest {
  readonly year: number;
  readonly evaluation: Evaluation;
  readonly binding: Violation | null;
}

/**
 * Adds `e` at `year` to the final allocation and returns what breaks: the same as
 * `evaluate(model, [...final.placements, { projectId, year }], final.projection)`, computed
 * incrementally from the final allocation (O(years) per test instead of O(portfolio × years)).
 */
export function testAddition(model: AllocationModel, final: Evaluation, e: Eligible, year: number, state: PortfolioState = stateOf(model, final)): AdditionTest {
  const evaluation = evaluateChange(model, state, { add: { projectId: e.project.id, year } }, final.projection);
  return { year, evaluation, binding: bindingViolation([...evaluation.hard, ...evaluation.share]) };
}

const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');

/** `state`: the final allocation in incremental form; build it once (stateOf) when asking for many projects. */
export function unfundedReason(model: AllocationModel, final: Evaluation, e: Eligible, state: PortfolioState = stateOf(model, final)): Reason {
  let closest: AdditionTest | null = null;
  let last: AdditionTest | null = null;
  const yearsTried: number[] = [];
  for (const year of e.years) {
    const t = testAddition(model, final, e, year, state);
    yearsTried.push(year);
    if (!t.binding) {
      return {
        bindingLimit: 'score',
        shortfall: null,
        reason: `would fit within every limit if committed in ${year}, but was not selected (less value per franc of capital than the funded set)`,
        year,
        yearsTried,
      };
    }
    if (!closest || t.binding.amount < closest.binding!.amount) closest = t;
    last = t;
  }
  const v = last!.binding!;
  const others = [...last!.evaluation.hard, ...last!.evaluation.share].filter((x) => x !== v).map((x) => x.limit);
  const also = others.length > 0 ? `; also breaks ${[...new Set(others)].join(', ')}` : '';
  const span = yearsTried.length > 1 ? `tried in every year ${yearsTried[0]}–${last!.year}; ` : '';
  const nearest =
    yearsTried.length > 1 && closest!.year !== last!.year
      ? ` (closest in ${closest!.year}: ${closest!.binding!.limit}, missed by ${fmt(closest!.binding!.amount)})`
      : '';
  return {
    bindingLimit: v.limit,
    shortfall: violationShortfall(v),
    reason: `${v.limit}: ${span}committing it in ${last!.year}, its latest start, would break the limit by ${fmt(v.amount)} — ${v.detail}${also}${nearest}`,
    year: last!.year,
    yearsTried,
  };
}

/** Reason for a funded project whose approved amount is below its (uplifted) request; null when fully funded. */
export function partialReason(model: AllocationModel, final: Evaluation, e: Eligible, year: number, approved: number): Reason | null {
  const request = e.appraisal.request;
  if (approved >= request * (1 - 1e-9)) return null;
  const yearsTried = yearsUpTo(e, year);
  const limit = model.ctx.scenario.policy.singleProjectLimit;
  const equity = openingEquity(final.projection, year);
  const cap = limit * equity;
  if (cap < e.maxAmount * (1 - 1e-9)) {
    return {
      bindingLimit: 'single-project',
      shortfall: e.maxAmount - cap,
      reason: `single-project: ${fmt(e.maxAmount)} would exceed ${limit} × equity at the end of ${year - 1} (${fmt(equity)}), capped at ${fmt(cap)}`,
      year,
      yearsTried,
    };
  }
  const cfads = e.financing.loan;
  return {
    bindingLimit: 'debt-capacity',
    shortfall: request - e.maxAmount,
    reason: `debt capacity: the project's cash flow carries ${fmt(e.maxAmount)} at a DSCR of ${cfads?.unit.targetDscr ?? '—'} (sculpted loan), ${fmt(request - e.maxAmount)} short of the request`,
    year,
    yearsTried,
  };
}

/** The candidate years of a funded project up to its commitment year: the window it was placed in. */
export function yearsUpTo(e: Eligible, year: number): number[] {
  return e.years.filter((y) => y <= year);
}
