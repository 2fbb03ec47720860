/**
 * Key indicators of several runs side by side (`bcid compare`), from their
 * results: the bank's capital, liquidity, borrowing and lending room, and the
 * members' burden. Pure; the CLI runs the scenarios, the report layer turns
 * this into a table and charts, and the first scenario's dossier shows it in
 * its "risks and stress tests" section (reports/<first>/risk/comparison.json).
 */
import type { MemberCode } from '../schema/codes.js';
import type { RunResults } from '../model/results.js';

export const INDICATORS = [
  'lowestEquityToLoans',
  'peakLoans',
  'yearsBelowFloor',
  'lowestLiquidityMonths',
  'yearsBelowLiquidity',
  'peakBorrowings',
  'yearsAboveGearing',
  'lowestHeadroom',
  'headroomEnd',
  'equityEnd',
  'cumulativeNetIncome',
  'writeOffs',
  'fxLosses',
  'disbursed',
  'heaviestMemberBurden',
] as const;
export type IndicatorKey = (typeof INDICATORS)[number];

export type IndicatorKind = 'ratio' | 'money' | 'months' | 'count';

export const INDICATOR_KIND: Readonly<Record<IndicatorKey, IndicatorKind>> = {
  lowestEquityToLoans: 'ratio',
  peakLoans: 'money',
  yearsBelowFloor: 'count',
  lowestLiquidityMonths: 'months',
  yearsBelowLiquidity: 'count',
  peakBorrowings: 'money',
  yearsAboveGearing: 'count',
  lowestHeadroom: 'money',
  headroomEnd: 'money',
  equityEnd: 'money',
  cumulativeNetIncome: 'money',
  writeOffs: 'money',
  fxLosses: 'money',
  disbursed: 'money',
  heaviestMemberBurden: 'ratio',
};

export interface Indicator {
  readonly value: number | null;
  /** Year the value refers to (lowest, peak), when it has one. */
  readonly year?: number;
  readonly member?: MemberCode;
}

export interface SeriesYear {
  readonly year: number;
  readonly equityToLoans: number | null;
  readonly liquidityMonths: number | null;
  /** Lending room left under the E/L floor: equity / floor − exposure. */
  readonly headroom: number;
  /** Highest member debt service to the bank / revenue that year. */
  readonly memberBurden: number;
  readonly memberBurdenMember: MemberCode | null;
  readonly equity: number;
  readonly borrowings: number;
}

export interface ScenarioSummary {
  readonly name: string;
  readonly description: string | null;
  readonly stresses: readonly string[];
  readonly indicators: Readonly<Record<IndicatorKey, Indicator>>;
  readonly series: readonly SeriesYear[];
}

export interface ComparisonResults {
  readonly kind: 'bcid-compare';
  readonly version: 1;
  /** The first scenario: the reference the others are read against. */
  readonly reference: string;
  readonly policy: { readonly equityToLoansFloor: number; readonly liquidityMonths: number; readonly maxGearing: number };
  readonly scenarios: readonly ScenarioSummary[];
}

function lowest<T>(rows: readonly T[], f: (r: T) => number | null): { value: number | null; row: T | null } {
  let best: { value: number | null; row: T | null } = { value: null, row: null };
  for (const r of rows) {
    const v = f(r);
    if (v !== null && Number.isFinite(v) && (best.value === null || v < best.value)) best = { value: v, row: r };
  }
  return best;
}

export function summariseRun(results: RunResults): ScenarioSummary {
  const { bank, members, scenario } = results;
  const floor = scenario.policy.equityToLoansFloor;
  const gearing = scenario.funding.borrowing.maxGearing;
  const series: SeriesYear[] = bank.map((b) => {
    const ms = members.filter((m) => m.year === b.year);
    const heaviest = ms.reduce<(typeof ms)[number] | null>((a, m) => (a === null || m.debtServiceToRevenue > a.debtServiceToRevenue ? m : a), null);
    return {
      year: b.year,
      equityToLoans: b.equityToLoans,
      liquidityMonths: b.liquidityMonths,
      headroom: b.headroom,
      memberBurden: heaviest?.debtServiceToRevenue ?? 0,
      memberBurdenMember: heaviest?.member ?? null,
      equity: b.equity,
      borrowings: b.borrowings,
    };
  });
  const el = lowest(bank, (b) => b.equityToLoans);
  const liq = lowest(bank, (b) => b.liquidityMonths);
  const room = lowest(bank, (b) => b.headroom);
  const peakLoans = bank.reduce((a, b) => (b.loansOutstanding > a.loansOutstanding ? b : a), bank[0]!);
  const peakDebt = bank.reduce((a, b) => (b.borrowings > a.borrowings ? b : a), bank[0]!);
  const burden = members.reduce<(typeof members)[number] | null>((a, m) => (a === null || m.debtServiceToRevenue > a.debtServiceToRevenue ? m : a), null);
  const last = bank[bank.length - 1]!;
  const sum = (f: (b: (typeof bank)[number]) => number) => bank.reduce((a, b) => a + f(b), 0);
  const at = (value: number | null, year?: number, member?: MemberCode): Indicator => ({
    value,
    ...(year !== undefined ? { year } : {}),
    ...(member !== undefined ? { member } : {}),
  });
  const indicators: Record<IndicatorKey, Indicator> = {
    lowestEquityToLoans: at(el.value, el.row?.year),
    peakLoans: at(peakLoans.loansOutstanding, peakLoans.loansOutstanding > 0 ? peakLoans.year : undefined),
    yearsBelowFloor: at(bank.filter((b) => b.equityToLoans !== null && b.equityToLoans < floor - 1e-9).length),
    lowestLiquidityMonths: at(liq.value, liq.row?.year),
    yearsBelowLiquidity: at(bank.filter((b) => b.cash < b.liquidityBuffer - 1e-6 * Math.max(1, b.liquidityBuffer)).length),
    peakBorrowings: at(peakDebt.borrowings, peakDebt.borrowings > 0 ? peakDebt.year : undefined),
    yearsAboveGearing: at(bank.filter((b) => b.borrowings > 0 && b.borrowings > gearing * b.equity + 1e-6 * Math.max(1, b.borrowings)).length),
    lowestHeadroom: at(room.value, room.row?.year),
    headroomEnd: at(last.headroom),
    equityEnd: at(last.equity),
    cumulativeNetIncome: at(sum((b) => b.netIncome)),
    writeOffs: at(sum((b) => b.writeOffs)),
    fxLosses: at(sum((b) => b.fxLoss ?? 0)),
    disbursed: at(sum((b) => b.disbursements)),
    heaviestMemberBurden: at(burden?.debtServiceToRevenue ?? null, burden?.year, burden?.member),
  };
  return { name: scenario.name, description: scenario.description ?? null, stresses: scenario.stresses ?? [], indicators, series };
}

export function compareRuns(runs: readonly RunResults[]): ComparisonResults {
  if (runs.length === 0) throw new RangeError('nothing to compare');
  const s = runs[0]!.scenario;
  return {
    kind: 'bcid-compare',
    version: 1,
    reference: s.name,
    policy: { equityToLoansFloor: s.policy.equityToLoansFloor, liquidityMonths: s.policy.liquidityMonths, maxGearing: s.funding.borrowing.maxGearing },
    scenarios: runs.map(summariseRun),
  };
}
