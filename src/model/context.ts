/**
 * What every stage of a run shares: the calendar, the funding inflows as
 * plain per-year arrays, and the resolved policy numbers. Built once from the
 * inputs and the scenario; immutable afterwards.
 *
 * Year index i ↔ calendar year `years.start + i`. Arrays have `years.count + 1`
 * entries: the horizon plus one look-ahead year, because the liquidity buffer
 * of the last projected year needs the next year's outflows.
 * Amounts in millions of FCFA.
 */
import type { MemberCode } from '../schema/codes.js';
import { MEMBER_CODES } from '../schema/codes.js';
import type { InputData } from '../schema/records.js';
import type { NamedScenario } from '../schema/scenario.js';

/** Kept for the model's callers: the same type as `NamedScenario`. */
export type RunScenario = NamedScenario;

export interface Calendar {
  readonly start: number;
  readonly end: number;
  /** Projected years, end − start + 1. */
  readonly count: number;
}

export interface FundingInflows {
  /** Paid-in capital and levy received before `start`: the opening cash and paid-in capital. */
  readonly openingPaidIn: number;
  /** Paid-in capital instalments received in each year (all members). */
  readonly paidIn: Float64Array;
  /** Levy transferred to the bank: levy × levyShareToBank × levyScale. */
  readonly levy: Float64Array;
  /** The part of `openingPaidIn` that is levy transferred before `start` (equity, but not paid-in capital). */
  readonly openingLevy?: number;
  /** Each member's own series (a member's default can stop its payments): see MemberCapitalFlows. */
  readonly byMember?: Readonly<Record<MemberCode, MemberCapitalFlows>>;
}

/** One member's capital contributions; per-year arrays like the totals, `opening*` before `start`. */
export interface MemberCapitalFlows {
  readonly openingPaidIn: number;
  readonly openingLevy: number;
  readonly openingCallable: number;
  readonly paidIn: Float64Array;
  readonly levy: Float64Array;
  /** Callable capital subscribed in the year (subscribed, not paid). */
  readonly callable: Float64Array;
}

export interface RunContext {
  readonly scenario: RunScenario;
  readonly years: Calendar;
  readonly funding: FundingInflows;
  /** Each member's share of all paid-in capital in contributions.csv (sums to 1; null when nothing is paid in). */
  readonly capitalShares: Readonly<Record<MemberCode, number>> | null;
}

export function yearIndex(years: Calendar, year: number): number {
  return year - years.start;
}

/** Zero-filled per-year array covering the horizon and the look-ahead year. */
export function yearArray(years: Calendar): Float64Array {
  return new Float64Array(years.count + 1);
}

export function buildContext(inputs: InputData, scenario: RunScenario): RunContext {
  const { start, end } = scenario.horizon;
  if (!(end >= start)) throw new RangeError(`horizon end ${end} is before its start ${start}`);
  const years: Calendar = { start, end, count: end - start + 1 };
  const paidIn = yearArray(years);
  const levy = yearArray(years);
  const levyFactor = scenario.funding.levyShareToBank * scenario.funding.levyScale;
  let openingPaidIn = 0;
  let openingLevy = 0;
  const byMember: Record<MemberCode, number> = { MLI: 0, BFA: 0, NER: 0 };
  const flows = Object.fromEntries(
    MEMBER_CODES.map((m) => [m, { openingPaidIn: 0, openingLevy: 0, openingCallable: 0, paidIn: yearArray(years), levy: yearArray(years), callable: yearArray(years) }]),
  ) as Record<MemberCode, { -readonly [K in keyof MemberCapitalFlows]: MemberCapitalFlows[K] }>;
  for (const c of inputs.contributions) {
    byMember[c.member] += c.paidIn;
    const transferred = c.levy * levyFactor;
    const own = flows[c.member];
    if (c.year < start) {
      openingPaidIn += c.paidIn + transferred;
      openingLevy += transferred;
      own.openingPaidIn += c.paidIn;
      own.openingLevy += transferred;
      own.openingCallable += c.callable;
    } else if (c.year <= end) {
      const i = c.year - start;
      paidIn[i] = (paidIn[i] ?? 0) + c.paidIn;
      levy[i] = (levy[i] ?? 0) + transferred;
      own.paidIn[i]! += c.paidIn;
      own.levy[i]! += transferred;
      own.callable[i]! += c.callable;
    }
  }
  const total = MEMBER_CODES.reduce((s, m) => s + byMember[m], 0);
  const capitalShares =
    total > 0
      ? { MLI: byMember.MLI / total, BFA: byMember.BFA / total, NER: byMember.NER / total }
      : null;
  return { scenario, years, funding: { openingPaidIn, paidIn, levy, openingLevy, byMember: flows }, capitalShares };
}
