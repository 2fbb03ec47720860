/**
 * tables/capacity.csv: the lending envelope by year (named pipeline, generic
 * lending on top, the limit that stops more and the year it binds in), then
 * the sustainable annual amount as a last row (year empty).
 */
import type { RunResults } from '../../model/results.js';
import type { Locale } from '../locale.js';
import { column, type Cell, type TableSpec } from '../table.js';

const bn = (millions: number): number => millions / 1000;

export function capacityTable(results: RunResults, locale: Locale): TableSpec | null {
  const c = results.capacity;
  if (c === undefined) return null;
  const t = locale.t.bind(locale);
  const money = t('unit.bnFcfa');
  const columns = [
    column('year', t('col.year'), 'year'),
    column('commitments', t('col.commitments'), 'money', money),
    column('named', t('col.capacityNamed'), 'money', money),
    column('generic', t('col.capacityGeneric'), 'money', money),
    column('bindingLimit', t('col.bindingLimit'), 'text'),
    column('bindingYear', t('col.bindingYear'), 'year'),
  ];
  const rows: Cell[][] = c.envelope.map((e) => [e.year, bn(e.commitments), bn(e.named), bn(e.generic), e.bindingLimit, e.bindingYear]);
  const s = c.sustainableAnnual;
  rows.push([null, bn(s.amount), null, null, s.bindingLimit === null ? t('col.sustainableAnnual') : `${t('col.sustainableAnnual')}: ${s.bindingLimit}`, s.bindingYear]);
  return { id: 'capacity', title: t('table.capacity.title'), columns, rows };
}
