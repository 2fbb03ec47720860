/**
 * Coverage ratios lenders test covenants against. Debt service here is what
 * the schedule says the borrower pays (interest paid + fees + principal).
 * A ratio with nothing to cover is `null`, not Infinity, so it survives JSON.
 */
import { FinanceError } from './errors.js';
import type { LoanSchedule } from './schedule.js';

/** CFADS / debt service for one year; null when no debt service is due. */
export function dscr(cfads: number, debtService: number): number | null {
  return debtService > 0 ? cfads / debtService : null;
}

/**
 * Loan life coverage ratio: CFADS over the remaining loan life, discounted at
 * the loan rate to the calculation date, over the debt outstanding then.
 * `cfads[0]` falls one year after the calculation date. Null when nothing is owed.
 */
export function llcr(cfads: readonly number[], rate: number, outstanding: number): number | null {
  if (!(outstanding > 0)) return null;
  let pv = 0;
  let factor = 1;
  for (const c of cfads) {
    factor /= 1 + rate;
    pv += c * factor;
  }
  return pv / outstanding;
}

export interface CoverageRow {
  /** Loan year t = 1..N. */
  readonly year: number;
  readonly dscr: number | null;
  /** Measured at the start of the year (t − 1), on the balance carried through it. */
  readonly llcr: number | null;
}

export interface Coverage {
  readonly rows: readonly CoverageRow[];
  /** Lowest DSCR over the years with debt service; null if there are none. */
  readonly minDscr: number | null;
  /** LLCR at the start of year 1, the usual figure at financial close. */
  readonly llcrAtStart: number | null;
}

/** DSCR and LLCR for each loan year; `cfads[t−1]` is the CFADS of year t. */
export function coverage(schedule: LoanSchedule, cfads: readonly number[]): Coverage {
  const years = schedule.terms.years;
  if (cfads.length !== years) {
    throw new FinanceError('invalid-argument', `coverage: needs one CFADS per loan year (${years}), got ${cfads.length}`);
  }
  const rows: CoverageRow[] = [];
  let minDscr: number | null = null;
  for (let t = 1; t <= years; t++) {
    const row = schedule.rows[t];
    const c = cfads[t - 1] ?? 0;
    const d = dscr(c, row?.debtService ?? 0);
    if (d !== null && (minDscr === null || d < minDscr)) minDscr = d;
    rows.push({ year: t, dscr: d, llcr: llcr(cfads.slice(t - 1), schedule.terms.rate, row?.opening ?? 0) });
  }
  return { rows, minDscr, llcrAtStart: rows[0]?.llcr ?? null };
}
