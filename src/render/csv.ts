/**
 * CSV output of a table, in two dialects:
 * - `rfc`: RFC 4180: comma, CRLF line ends, decimal point, no BOM;
 * - `fr`: what French Excel opens directly (stack-notes §5): semicolon, decimal
 *   comma, UTF-8 BOM, CRLF.
 * Numbers keep full precision (rounded to 6 decimals, so that binary noise like
 * 0.30000000000000004 never shows) and are never grouped. Ratio columns, whose
 * header says "(%)", are written in percent (0.35 → 35), as a reader of the file
 * expects; the workbook keeps decimals and shows them with a percent format. Text cells that
 * Excel could read as a formula are neutralised (OWASP CSV injection): see
 * `neutraliseFormula`.
 */
import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../report/locale.js';
import type { RecordCell } from '../report/result-records.js';
import { neutralizeFormula } from './neutralize-formula.js';
import { headerLabel, type Cell, type ColumnSpec, type TableSpec } from '../report/table.js';

export type CsvDialect = 'rfc' | 'fr';

interface DialectSpec {
  readonly delimiter: string;
  readonly decimal: string;
  readonly bom: boolean;
}

const DIALECTS: Readonly<Record<CsvDialect, DialectSpec>> = {
  rfc: { delimiter: ',', decimal: '.', bom: false },
  fr: { delimiter: ';', decimal: ',', bom: true },
};

/**
 * A text cell starting with = + - @ tab or CR gets a leading apostrophe, so that a
 * spreadsheet shows it as text and never evaluates it (OWASP CSV injection). Numbers
 * are not text and never pass here: -5 stays the number -5. One implementation,
 * shared with the CLI's machine-readable tables (`neutralize-formula.ts`).
 */
export const neutraliseFormula: (text: string) => string = neutralizeFormula;

/** Decimals kept in files. */
const FILE_DIGITS = 6;

/** A number as plain digits: no grouping, no exponent, `-0` as `0`. */
export function plainNumber(value: number, digits: number, decimal: string): string {
  if (!Number.isFinite(value)) return '';
  let r = Number(value.toFixed(digits));
  if (r === 0) r = 0;
  let s = String(r);
  // Beyond 1e21 JavaScript prints exponents; such numbers are integers in binary anyway.
  if (/e/i.test(s)) s = Math.abs(r) >= 1 ? BigInt(Math.round(r)).toString() : r.toFixed(digits).replace(/\.?0+$/, '');
  return decimal === '.' ? s : s.replace('.', decimal);
}

function quote(field: string, delimiter: string): string {
  return field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function cellText(value: Cell, col: ColumnSpec, d: DialectSpec): string {
  if (value === null) return '';
  if (typeof value === 'number') return plainNumber(col.kind === 'ratio' ? value * 100 : value, FILE_DIGITS, d.decimal);
  return neutraliseFormula(value);
}

/** The CSV text of a table (headers in the table's language, with units). */
export function csvText(table: TableSpec, dialect: CsvDialect, locale: Locale): string {
  const d = DIALECTS[dialect];
  const lines = [
    table.columns.map((c) => quote(neutraliseFormula(headerLabel(c, locale)), d.delimiter)).join(d.delimiter),
    ...table.rows.map((row) =>
      table.columns.map((c, i) => quote(cellText(row[i] ?? null, c, d), d.delimiter)).join(d.delimiter),
    ),
  ];
  return `${d.bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}

export function renderCsv(table: TableSpec, dialect: CsvDialect, locale: Locale): Uint8Array {
  return new TextEncoder().encode(csvText(table, dialect, locale));
}

/**
 * Plain records (field name → value) as CSV: the machine-readable tables of
 * results.json. Field names are the header; numbers keep JavaScript's shortest
 * round-trip form (a decimal comma in the `fr` dialect); RFC files end lines with LF.
 */
export function recordsCsv(rows: readonly Readonly<Record<string, RecordCell>>[], dialect: CsvDialect): string {
  const columns = rows.length > 0 ? Object.keys(rows[0]!) : [];
  const french = dialect === 'fr';
  const cell = (v: RecordCell): string => {
    if (v === null) return '';
    if (typeof v === 'number') {
      const s = Number.isFinite(v) ? String(v) : '';
      return french ? s.replace('.', ',') : s;
    }
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    return neutraliseFormula(v);
  };
  return stringify(
    rows.map((r) => columns.map((c) => cell(r[c] ?? null))),
    { header: true, columns, delimiter: french ? ';' : ',', bom: french, record_delimiter: french ? 'windows' : 'unix' },
  );
}
