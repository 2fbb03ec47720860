import { stringify } from 'csv-stringify/sync';
import type { GrantElement, LoanSchedule } from '../../finance/index.js';
import { money, percent, textTable } from '../text-table.js';
import { plainNumber } from '../../render/plain-number.js';

const COLUMNS = ['year', 'opening', 'disbursed', 'interest', 'capitalized', 'fees', 'principal', 'debtService', 'closing'] as const;

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
      return stringify(schedule.rows.map((r) => COLUMNS.map((c) => plainNumber(r[c]))), { header: true, columns: [...COLUMNS] });
    case 'table': {
      const rows = schedule.rows.map((r) => [String(r.year), ...COLUMNS.slice(1).map((c) => money(r[c]))]);
      const t = schedule.totals;
      rows.push(['total', '', money(t.disbursed), money(t.interest), money(t.capitalized), money(t.fees), money(t.principal), money(t.debtService), '']);
      const table = textTable(
        [{ header: 'year', align: 'right' }, ...COLUMNS.slice(1).map((c) => ({ header: c, align: 'right' as const }))],
        rows,
      );
      const verdict = ge.concessional ? 'concessional (≥ 35 %)' : 'not concessional (< 35 %)';
      return `Amounts in millions of FCFA. Disbursements at the start of each year; interest and principal at its end.\n\n${table}\n\nGrant element: ${percent(ge.grantElement)} at a ${percent(ge.discountRate, 0)} discount rate — ${verdict}\nTotal debt service: ${money(totalDebtService)} million FCFA\n`;
    }
  }
}
