/** The terminal summary of `bcid loan --format table` (English): the schedule, the grant element and the total debt service. */
import { CONCESSIONAL_THRESHOLD, type GrantElement, type LoanSchedule } from '../../finance/index.js';
import type { SummarySpec } from '../summary.js';
import { column, type Cell } from '../table.js';
import { money, percent } from './format.js';

export const LOAN_COLUMNS = ['year', 'opening', 'disbursed', 'interest', 'capitalized', 'fees', 'principal', 'debtService', 'closing'] as const;

export function loanSummarySpec(schedule: LoanSchedule, ge: GrantElement): SummarySpec {
  const t = schedule.totals;
  const rows: Cell[][] = schedule.rows.map((r) => LOAN_COLUMNS.map((c) => r[c]));
  rows.push(['total', '', t.disbursed, t.interest, t.capitalized, t.fees, t.principal, t.debtService, '']);
  const threshold = percent(CONCESSIONAL_THRESHOLD, 0);
  const verdict = ge.concessional ? `concessional (≥ ${threshold})` : `not concessional (< ${threshold})`;
  return {
    head: ['Amounts in millions of FCFA. Disbursements at the start of each year; interest and principal at its end.'],
    groups: [],
    tables: [
      {
        id: 'schedule',
        title: '',
        // Amounts stay in millions here: `number` cells with one decimal, not `money` (billions).
        columns: [column('year', 'year', 'year'), ...LOAN_COLUMNS.slice(1).map((c) => column(c, c, 'number', null, 1))],
        rows,
      },
    ],
    notes: [`Grant element: ${percent(ge.grantElement)} at a ${percent(ge.discountRate, 0)} discount rate — ${verdict}`, `Total debt service: ${money(t.debtService)} million FCFA`],
  };
}
