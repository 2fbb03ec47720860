import type { DebtCapacity, MemberCode } from '../../schema/codes.js';
import type { MemberYear } from '../../schema/records.js';

export interface MacroYear {
  readonly gdp: number;
  readonly revenue: number;
  readonly exports: number;
  readonly debtCapacity: DebtCapacity;
}

/**
 * Member macro figures for `year`: data if present, else grown at `growth` from
 * the nearest earlier data year (the debt path's rule without shocks). The
 * debt-carrying capacity is that of the latest data year.
 */
export function macroFor(rows: readonly MemberYear[], member: MemberCode, year: number, growth: number): MacroYear | null {
  const own = rows.filter((r) => r.code === member).sort((a, b) => a.year - b.year);
  if (own.length === 0) return null;
  const latest = own[own.length - 1]!;
  const exact = own.find((r) => r.year === year);
  if (exact) return { gdp: exact.gdp, revenue: exact.revenue, exports: exact.exports, debtCapacity: latest.debtCapacity };
  const before = [...own].reverse().find((r) => r.year < year) ?? own[0]!;
  const f = (1 + growth) ** (year - before.year);
  return { gdp: before.gdp * f, revenue: before.revenue * f, exports: before.exports * f, debtCapacity: latest.debtCapacity };
}
