/** The annex: the full statements and tables, landscape. */
import { selectColumns } from '../table.js';
import { balanceSheetTable, cashFlowTable, fundedTable, incomeTable, membersTable, ratiosTable, reflowsTable, unfundedTable } from '../tables.js';
import type { SectionContext } from './context.js';
import type { Block } from './types.js';

export function annexBlocks(c: SectionContext): Block[] {
  const { results, L } = c;
  const funded = fundedTable(results, L);
  const unfunded = unfundedTable(results, L);
  const annex: Block[] = [
    { kind: 'paragraph', text: L.t('annex.intro') },
    { kind: 'table', table: balanceSheetTable(results, L), compact: true },
    { kind: 'table', table: incomeTable(results, L), compact: true },
    { kind: 'table', table: cashFlowTable(results, L), compact: true },
    { kind: 'table', table: ratiosTable(results, L), compact: true },
    { kind: 'table', table: selectColumns(membersTable(results, L), ['member', 'year', 'disbursed', 'debtService', 'outstanding', 'revenue', 'exports', 'debtServiceToRevenue', 'debtServiceToExports', 'grantElement']), compact: true },
    { kind: 'table', table: selectColumns(reflowsTable(results, L, 'total'), ['year', 'disbursed', 'principal', 'interest', 'fees', 'dividends', 'outstanding']), compact: true },
    { kind: 'table', table: funded, compact: true },
    ...(unfunded.rows.length > 0
      ? [{ kind: 'table', table: selectColumns(unfunded, ['id', 'name', 'score', 'requested', 'upliftedRequest', 'approved', 'limit', 'reasonYear', 'shortfall']), compact: true } as const]
      : []),
  ];
  return annex;
}
