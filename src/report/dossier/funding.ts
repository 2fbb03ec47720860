/** Section 2: where the bank's money comes from (paid-in capital, levy, borrowing). */
import type { RunResults } from '../../model/results.js';
import { selectColumns } from '../table.js';
import { cashFlowTable } from '../tables.js';
import { yearRows } from './helpers.js';
import type { SectionContext } from './context.js';
import type { Block } from './types.js';

export function fundingBlocks(c: SectionContext): Block[] {
  const { results, L, charts, milestones } = c;
  const s = results.scenario;
  const sumBank = (f: (y: RunResults['bank'][number]) => number) => results.bank.reduce((a, y) => a + f(y), 0);
  const borrowing = s.funding.borrowing;
  const funding: Block[] = [
    { kind: 'paragraph', text: L.t('funding.intro', { levyShare: L.percent(s.funding.levyShareToBank) }) },
    {
      kind: 'paragraph',
      text: borrowing.enabled
        ? L.t('funding.borrowing.on', { year: L.year(borrowing.firstYear), rate: L.percent(borrowing.rate, 1), gearing: L.number(borrowing.maxGearing, 1) })
        : L.t('funding.borrowing.off'),
    },
    {
      kind: 'paragraph',
      text: L.t('funding.totals', {
        start: L.year(s.horizon.start),
        end: L.year(s.horizon.end),
        paidIn: L.money(sumBank((y) => y.paidInReceived)),
        levy: L.money(sumBank((y) => y.levyReceived)),
        borrowing: L.money(sumBank((y) => y.borrowingRaised)),
      }),
    },
    { kind: 'chart', chart: charts['sources-uses'] },
    {
      kind: 'table',
      table: yearRows(
        selectColumns(cashFlowTable(results, L), [
          'year',
          'paidInReceived',
          'levyReceived',
          'borrowingRaised',
          'principalRepaid',
          'otherReflows',
          'disbursements',
          'borrowingRepaid',
          'cash',
        ]),
        milestones,
      ),
      compact: true,
    },
  ];
  return funding;
}
