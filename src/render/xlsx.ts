/**
 * The Excel workbook: a first sheet naming the scenario, the date and every input
 * file with its SHA-256, then one sheet per table with a frozen header row, an
 * autofilter, units in the headers and real number formats (values keep full
 * precision; only the display is rounded).
 *
 * Determinism: the document dates come from the given report date, and the ZIP
 * entry timestamps that JSZip stamps with the current time are rewritten to it
 * (`fixZipTimestamps`), so the same inputs give a byte-identical file.
 * Safety: text cells that could be read as formulas get a leading apostrophe, as in
 * the CSV files; numbers are written as numbers.
 */
import type { InputDescription } from '../report/context.js';
import type { Locale } from '../report/locale.js';
import { displayDigits, formatCell, headerLabel, type ColumnSpec, type TableSpec } from '../report/table.js';
import { neutraliseFormula } from './csv.js';
import { EXCEL_CELL_LIMIT, excelText } from './excel-text.js';
import { fixZipTimestamps } from './zip-timestamps.js';

export interface WorkbookMeta {
  readonly scenario: string;
  /** ISO date (YYYY-MM-DD): shown on the first sheet and used for every timestamp in the file. */
  readonly date: string;
  readonly inputs: readonly InputDescription[];
  readonly toolVersion?: string;
}

/** Excel number format for a column. */
export function numberFormat(col: ColumnSpec): string {
  const digits = displayDigits(col);
  const dec = digits > 0 ? `.${'0'.repeat(digits)}` : '';
  switch (col.kind) {
    case 'money':
      return `#,##0${dec}`;
    case 'ratio':
      return `0${dec}%`;
    case 'year':
      return '0';
    case 'int':
      return '#,##0';
    case 'number':
      return `#,##0${dec}`;
    case 'text':
      return '@';
  }
}

/** A valid, unique sheet name (≤ 31 characters, none of []:*?/\). */
function sheetName(raw: string, taken: Set<string>): string {
  const base = raw.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)}-${i}`;
  taken.add(name.toLowerCase());
  return name;
}

const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE6EEF5' } };

/**
 * exceljs's entry also loads its streaming reader and writer (unzipper and
 * friends: about 0.1 s of a run); writing a workbook needs only the Workbook
 * class. exceljs has no `exports` map, so its file path is public; the type
 * is the entry's.
 */
async function loadWorkbook(): Promise<typeof import('exceljs').Workbook> {
  return (await import('exceljs/lib/doc/workbook.js')).default;
}

export async function renderXlsx(tables: readonly TableSpec[], meta: WorkbookMeta, locale: Locale): Promise<Uint8Array> {
  const Workbook = await loadWorkbook();
  const when = new Date(`${meta.date}T00:00:00Z`);
  if (Number.isNaN(when.getTime())) throw new Error(`date must be an ISO date YYYY-MM-DD, got "${meta.date}"`);
  const wb = new Workbook();
  wb.creator = 'bcid-aes';
  wb.lastModifiedBy = 'bcid-aes';
  wb.created = when;
  wb.modified = when;
  wb.title = locale.t('app.model');
  const rtl = locale.dir === 'rtl';
  const taken = new Set<string>();
  const t = locale.t;

  // First sheet: what this workbook is and what it was made from.
  const about = wb.addWorksheet(sheetName(t('table.metadata.title'), taken), { views: [{ rightToLeft: rtl }] });
  about.columns = [{ width: 34 }, { width: 48 }, { width: 24 }, { width: 68 }];
  about.addRow([t('app.model')]).font = { bold: true, size: 14 };
  about.addRow([]);
  about.addRow([t('meta.scenario'), neutraliseFormula(meta.scenario)]);
  const dateRow = about.addRow([t('meta.date'), when]);
  dateRow.getCell(2).numFmt = 'yyyy-mm-dd';
  dateRow.getCell(2).alignment = { horizontal: 'left' };
  if (meta.toolVersion) about.addRow([t('meta.version'), neutraliseFormula(meta.toolVersion)]);
  about.addRow([t('meta.units'), t('dossier.units')]);
  for (const r of [3, 4, 5, 6]) about.getRow(r).getCell(1).font = { bold: true };
  about.addRow([]);
  const inputsHeader = about.addRow([t('col.file'), t('col.description'), t('col.basis'), t('col.sha256')]);
  inputsHeader.font = { bold: true };
  inputsHeader.eachCell((c) => (c.fill = HEADER_FILL));
  const basis = (b: InputDescription['basis']) =>
    b === 'published' ? t('common.published') : b === 'estimate' ? t('common.estimate') : b === 'mixed' ? t('common.mixed') : t('common.illustrative');
  for (const i of meta.inputs) {
    const row = about.addRow([neutraliseFormula(i.path), neutraliseFormula(i.description), basis(i.basis), neutraliseFormula(i.sha256)]);
    row.getCell(4).font = { name: 'Consolas' };
  }
  about.addRow([]);
  const sheetsHeader = about.addRow([t('meta.sheet'), t('meta.sheets')]);
  sheetsHeader.font = { bold: true };
  sheetsHeader.eachCell((c) => (c.fill = HEADER_FILL));

  // One sheet per table.
  let truncated = 0;
  const cellText = (raw: string): string => {
    const cell = excelText(raw);
    if (cell.truncated) truncated += 1;
    return cell.text;
  };
  const names = tables.map((tb) => sheetName(tb.id, taken));
  tables.forEach((tb, k) => about.addRow([names[k], neutraliseFormula(tb.title)]));
  tables.forEach((tb, k) => {
    const ws = wb.addWorksheet(names[k]!, { views: [{ state: 'frozen', ySplit: 1, rightToLeft: rtl }] });
    ws.columns = tb.columns.map((c) => {
      const shown = [headerLabel(c, locale), ...tb.rows.slice(0, 200).map((r) => formatCell(r[tb.columns.indexOf(c)] ?? null, c, locale))];
      const width = Math.min(60, Math.max(8, ...shown.map((s) => s.length + 2)));
      return { header: neutraliseFormula(headerLabel(c, locale)), key: c.key, width, style: { numFmt: numberFormat(c) } };
    });
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle' };
    header.height = 32;
    header.eachCell((cell) => (cell.fill = HEADER_FILL));
    for (const r of tb.rows) {
      ws.addRow(
        tb.columns.map((c, i) => {
          const v = r[i] ?? null;
          if (v === null) return null;
          if (typeof v === 'number') return Number.isFinite(v) ? v : null;
          return cellText(v);
        }),
      );
    }
    if (tb.columns.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: tb.columns.length } };
  });

  if (truncated > 0) {
    about.addRow([]);
    about.addRow([`${truncated} cell${truncated === 1 ? '' : 's'} cut to Excel's limit of ${EXCEL_CELL_LIMIT.toLocaleString('en-US')} characters (marked "truncated"); the CSV files hold the full text.`]).font = { bold: true };
  }
  const buffer = await wb.xlsx.writeBuffer();
  return fixZipTimestamps(new Uint8Array(buffer as ArrayBuffer), when);
}
