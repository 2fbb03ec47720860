import type { Locale } from './locale.js';

/**
 * Format-neutral tables: what the terminal, CSV, XLSX and HTML renderers draw.
 *
 * Cell values keep full precision in the presentation unit of their column:
 * - `money`: billions of FCFA (the model's millions divided by 1,000);
 * - `ratio`: a decimal (0.35), shown as a percentage;
 * - `year`, `int`: whole numbers; `number`: a plain decimal (index, multiple, months);
 * - `text`: a string, already translated.
 * `null` is a missing or undefined value (shown as n/a, an empty CSV cell).
 */
export type ColumnKind = 'text' | 'money' | 'ratio' | 'year' | 'int' | 'number';

export interface ColumnSpec {
  /** Stable identifier, independent of the language. */
  readonly key: string;
  readonly header: string;
  /** Unit shown after the header, e.g. "Mds FCFA", "%"; null for none. */
  readonly unit: string | null;
  readonly kind: ColumnKind;
  /** Decimals shown on screen and in print (CSV and XLSX keep full precision). */
  readonly digits?: number;
}

export type Cell = string | number | null;

export interface TableSpec {
  /** Stable identifier: the CSV file name and the XLSX sheet. */
  readonly id: string;
  readonly title: string;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly (readonly Cell[])[];
  readonly notes?: readonly string[];
}

/** Default decimals shown per kind. */
export function displayDigits(col: ColumnSpec): number {
  if (col.digits !== undefined) return col.digits;
  switch (col.kind) {
    case 'money':
      return 1;
    case 'ratio':
      return 1;
    case 'number':
      return 2;
    case 'year':
    case 'int':
    case 'text':
      return 0;
  }
}

/** "Header (unit)" in the report language. */
export function headerLabel(col: ColumnSpec, locale: Locale): string {
  return col.unit ? locale.t('table.headerWithUnit', { header: col.header, unit: col.unit }) : col.header;
}

/** A cell as text for screen and print, in the report language. */
export function formatCell(value: Cell, col: ColumnSpec, locale: Locale): string {
  if (value === null) return locale.t('common.notApplicable');
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return locale.t('common.notApplicable');
  const digits = displayDigits(col);
  switch (col.kind) {
    case 'money':
      return locale.number(value, digits);
    case 'ratio':
      return locale.percent(value, digits);
    case 'year':
      return locale.year(value);
    case 'int':
      return locale.integer(value);
    case 'number':
      return locale.number(value, digits);
    case 'text':
      return String(value);
  }
}

export function isNumericKind(kind: ColumnKind): boolean {
  return kind !== 'text';
}

/** The same table restricted to some columns, in the order given. */
export function selectColumns(table: TableSpec, keys: readonly string[]): TableSpec {
  const idx = keys.map((k) => {
    const i = table.columns.findIndex((c) => c.key === k);
    if (i < 0) throw new Error(`table ${table.id} has no column ${k}`);
    return i;
  });
  return {
    ...table,
    columns: idx.map((i) => table.columns[i]!),
    rows: table.rows.map((r) => idx.map((i) => r[i] ?? null)),
  };
}

/** The same table keeping only the rows that pass a test. */
export function filterRows(table: TableSpec, keep: (row: readonly Cell[], index: number) => boolean): TableSpec {
  return { ...table, rows: table.rows.filter(keep) };
}

/** A column definition helper. */
export function column(key: string, header: string, kind: ColumnKind, unit: string | null = null, digits?: number): ColumnSpec {
  return digits === undefined ? { key, header, unit, kind } : { key, header, unit, kind, digits };
}
