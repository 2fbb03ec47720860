import type { GrantElement, LoanSchedule } from '../../finance/index.js';
import { recordsCsv } from '../../render/csv.js';
import { renderSummary } from '../../render/summary.js';
import { createLocale } from '../../report/locale.js';
import { LOAN_COLUMNS, loanSummarySpec } from '../../report/summaries/loan.js';

export function renderLoan(schedule: LoanSchedule, ge: GrantElement, format: 'table' | 'csv' | 'json'): string {
  const totalDebtService = schedule.totals.debtService;
  switch (format) {
    case 'json':
      return `${JSON.stringify(
        { terms: schedule.terms, schedule: schedule.rows, totals: schedule.totals, grantElement: ge.grantElement, concessional: ge.concessional, discountRate: ge.discountRate, totalDebtService },
        null,
        2,
      )}\n`;
    case 'csv':
      return recordsCsv(schedule.rows.map((r) => Object.fromEntries(LOAN_COLUMNS.map((c) => [c, r[c]]))), 'rfc');
    case 'table':
      return renderSummary(loanSummarySpec(schedule, ge), createLocale('en'));
  }
}
