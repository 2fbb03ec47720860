/** Section 5: the bank's soundness (equity-to-loans, liquidity, gearing). */
import { selectColumns } from '../table.js';
import { ratiosTable } from '../tables.js';
import { yearRows } from './helpers.js';
import type { SectionContext } from './context.js';
import type { Block } from './types.js';

export function soundnessBlocks(c: SectionContext): Block[] {
  const { results, L, charts, milestones } = c;
  const s = results.scenario;
  const borrowing = s.funding.borrowing;
  const soundness: Block[] = [
    {
      kind: 'paragraph',
      text: L.t('soundness.intro', {
        floor: L.percent(s.policy.equityToLoansFloor),
        months: L.months(s.policy.liquidityMonths, 0),
        gearing: L.number(borrowing.enabled ? borrowing.maxGearing : 0, 1),
      }),
    },
    { kind: 'chart', chart: charts['loans-equity'] },
    { kind: 'chart', chart: charts.liquidity },
    {
      kind: 'table',
      table: yearRows(
        selectColumns(ratiosTable(results, L), [
          'year',
          'equityToLoans',
          'equityToLoansFloor',
          'debtToEquity',
          'liquidityMonths',
          'capitalUtilisation',
          'largestCountryShare',
          'nplRatio',
        ]),
        milestones,
      ),
      compact: true,
    },
  ];
  return soundness;
}
