/** Section 4: repayment, reflows and the members' debt service. */
import { selectColumns } from '../table.js';
import { membersTable } from '../tables.js';
import { yearRows } from './helpers.js';
import type { SectionContext } from './context.js';
import type { Block } from './types.js';

export function repaymentBlocks(c: SectionContext): Block[] {
  const { results, L, charts, milestones } = c;
  const s = results.scenario;
  const sov = s.lending.sovereign;
  const ns = s.lending['non-sovereign'];
  const repayment: Block[] = [
    {
      kind: 'paragraph',
      text: L.t('repayment.intro', {
        sovYears: L.integer(sov.years),
        sovGrace: L.integer(sov.grace),
        nsYears: L.integer(ns.years),
        nsGrace: L.integer(ns.grace),
      }),
    },
    { kind: 'chart', chart: charts['portfolio-reflows'] },
    { kind: 'chart', chart: charts['member-debt-service'] },
    { kind: 'callout', tone: 'info', text: L.t('repayment.dsfNote') },
    {
      kind: 'table',
      table: yearRows(
        selectColumns(membersTable(results, L), [
          'member',
          'year',
          'debtCapacity',
          'debtService',
          'outstanding',
          'debtServiceToRevenue',
          'thresholdRevenue',
          'debtServiceToExports',
          'thresholdExports',
        ]),
        milestones,
      ),
      compact: true,
    },
  ];
  return repayment;
}
