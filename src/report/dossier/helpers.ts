/** Small building blocks the dossier's sections share. */
import type { InputBasis, InputDescription } from '../context.js';
import type { KeyFigure } from '../key-figures.js';
import type { Locale } from '../locale.js';
import { column, filterRows, type Cell, type TableSpec } from '../table.js';

/** First year, the years divisible by 5, and the last year: the rows of summary tables. */
export function milestoneYears(years: readonly number[]): Set<number> {
  const out = new Set<number>();
  if (years.length === 0) return out;
  out.add(years[0]!);
  for (const y of years) if (y % 5 === 0) out.add(y);
  out.add(years.at(-1)!);
  return out;
}

export function yearRows(table: TableSpec, keep: ReadonlySet<number>, yearColumn = 'year'): TableSpec {
  const i = table.columns.findIndex((c) => c.key === yearColumn);
  return filterRows(table, (r) => keep.has(Number(r[i])));
}

/** Print-style grouping: a cell equal to the one above it in the given column is left blank. */
export function blankRepeats(table: TableSpec, columnIndex: number): TableSpec {
  return {
    ...table,
    rows: table.rows.map((r, i) => (i > 0 && r[columnIndex] === table.rows[i - 1]?.[columnIndex] ? r.map((c, j) => (j === columnIndex ? '' : c)) : r)),
  };
}

/** The basis of an input file; anything not fully published carries a warning sign. */
export function basisLabel(basis: InputBasis, L: Locale): string {
  switch (basis) {
    case 'published':
      return L.t('common.published');
    case 'estimate':
      return `⚠ ${L.t('common.estimate')}`;
    case 'mixed':
      return `⚠ ${L.t('common.mixed')}`;
    case 'illustrative':
      return `⚠ ${L.t('common.illustrative')}`;
  }
}

export function inputsTable(inputs: readonly InputDescription[], L: Locale): TableSpec {
  return {
    id: 'inputs',
    title: L.t('table.inputs.title'),
    columns: [
      column('file', L.t('col.file'), 'text'),
      column('description', L.t('col.description'), 'text'),
      column('basis', L.t('col.basis'), 'text'),
      column('sha256', L.t('col.sha256'), 'text'),
    ],
    rows: inputs.map((i): Cell[] => [i.path, i.description, basisLabel(i.basis, L), i.sha256]),
  };
}

export function keyFiguresTable(items: readonly KeyFigure[], L: Locale): TableSpec {
  return {
    id: 'key-figures',
    title: L.t('table.keyFigures.title'),
    columns: [column('item', L.t('col.item'), 'text'), column('figure', L.t('col.figure'), 'text'), column('sentence', L.t('col.sentence'), 'text')],
    rows: items.map((k): Cell[] => [k.label, k.value, k.sentence]),
  };
}

