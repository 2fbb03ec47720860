/**
 * tables/maturity-gap.csv (and its workbook sheet): the balance sheet at each
 * year end by residual maturity (src/model/maturity-gap.ts for the conventions).
 * One row per year and line: cash, loans, allowance, equity investments, total
 * assets, liabilities (bonds), the gap (assets − liabilities) and the cumulative
 * gap from the shortest bucket; a treasury reads the first buckets for
 * refinancing risk (10-year bonds against 20-year loans).
 */
import type { MaturityGapYear, RunResults } from '../../model/results.js';
import type { Locale } from '../locale.js';
import { column, type Cell, type TableSpec } from '../table.js';

const bn = (millions: number): number => millions / 1000;

const LINES = ['cash', 'loans', 'allowance', 'equityInvestments', 'assets', 'liabilities', 'gap', 'cumulativeGap'] as const;
type Line = (typeof LINES)[number];

function lineValues(y: MaturityGapYear, line: Line): readonly number[] {
  switch (line) {
    case 'gap':
      return y.assets.map((a, k) => a - y.liabilities[k]!);
    case 'cumulativeGap': {
      let cum = 0;
      return y.assets.map((a, k) => (cum += a - y.liabilities[k]!));
    }
    default:
      return y[line];
  }
}

/** Null when the results carry no maturity profile (written before it existed). */
export function maturityGapTable(results: RunResults, locale: Locale): TableSpec | null {
  if (results.maturityGap === undefined) return null;
  const money = locale.t('unit.bnFcfa');
  const columns = [
    column('year', locale.t('col.year'), 'year'),
    column('line', locale.t('maturity.col.line'), 'text'),
    column('under1', locale.t('maturity.col.under1'), 'money', money),
    column('from1to3', locale.t('maturity.col.from1to3'), 'money', money),
    column('from3to5', locale.t('maturity.col.from3to5'), 'money', money),
    column('from5to10', locale.t('maturity.col.from5to10'), 'money', money),
    column('over10', locale.t('maturity.col.over10'), 'money', money),
    column('total', locale.t('maturity.col.total'), 'money', money),
  ];
  const rows: Cell[][] = [];
  for (const y of results.maturityGap) {
    for (const line of LINES) {
      const v = lineValues(y, line);
      // The cumulative gap's total is its last bucket; every other line's is the sum of its buckets.
      const total = line === 'cumulativeGap' ? v[v.length - 1]! : v.reduce((a, b) => a + b, 0);
      rows.push([y.year, locale.t(`maturity.line.${line}`), ...v.map(bn), bn(total)]);
    }
  }
  return { id: 'maturity-gap', title: locale.t('maturity.title'), columns, rows };
}
