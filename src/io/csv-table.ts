import { parse } from 'csv-parse/sync';
import { diagnostic, type Diagnostic, type DiagnosticCode, type WithDiagnostics } from '../diagnostics/diagnostic.js';

/** A CSV file read into rows of named text cells, each row knowing where it came from. */
export interface CsvRow {
  readonly line: number;
  /** Cell text by header name (trimmed). */
  readonly cells: Readonly<Record<string, string>>;
  /** 1-based character column of each header's cell on its line. */
  readonly columns: Readonly<Record<string, number>>;
  /** 1-based line of each header's cell, given only when the row spans lines (a quoted field with a line break). */
  readonly lines?: Readonly<Record<string, number>>;
  /** The row as it stands in the file, for error excerpts. */
  readonly raw: string;
}

export interface CsvTable {
  readonly file: string;
  readonly delimiter: ',' | ';' | '\t';
  /** French Excel exports pair `;` with decimal commas. */
  readonly decimalComma: boolean;
  readonly header: readonly string[];
  /** 1-based column of each header cell on line 1. */
  readonly headerColumns: readonly number[];
  /** Line 1 as written, for excerpts. */
  readonly headerLine: string;
  readonly rows: readonly CsvRow[];
}

/**
 * Refuse rather than exhaust memory: the pipeline holds a few hundred projects.
 * (200,000 full-width project rows took 1.8 GB and 11 s; 50,000 take a quarter.)
 */
export const MAX_CSV_ROWS = 50_000;
export const MAX_CSV_BYTES = 64 * 1024 * 1024;

/**
 * Past this many problems in one file, reading stops: a file that is wrong on
 * every row (a shifted column, the wrong file) needs one fix, not a million
 * messages, and collecting them all would take minutes and gigabytes.
 */
export const MAX_PROBLEMS_PER_FILE = 500;

/** True, after adding a `too-many-errors` diagnostic, once `problems` holds the maximum. */
export function stopAfterTooMany(file: string, line: number, problems: Diagnostic[]): boolean {
  if (problems.length < MAX_PROBLEMS_PER_FILE) return false;
  if (problems.some((p) => p.code === 'too-many-errors')) return true; // already said, when the rows were split
  problems.push(
    diagnostic({
      file,
      line,
      column: 1,
      code: 'too-many-errors',
      message: `stopped reading at this line after ${MAX_PROBLEMS_PER_FILE} problems in the file`,
      hint: 'fix the problems above (often one cause: a shifted column, or the wrong file) and run again',
    }),
  );
  return true;
}

/**
 * csv-parse 7's `delimiter_auto` mis-reads French exports (stack-notes §5),
 * so the delimiter is sniffed from the header line, outside quotes.
 */
export function sniffDelimiter(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/** Start column of each field in a raw CSV line, honouring quotes. */
export function fieldColumns(rawLine: string, delimiter: string): number[] {
  const starts = [1];
  let quoted = false;
  for (let i = 0; i < rawLine.length; i += 1) {
    const ch = rawLine[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) starts.push(i + 2);
  }
  return starts;
}

export function readCsvTable(text: string, file: string): WithDiagnostics<CsvTable | null> {
  const problems: Diagnostic[] = [];
  const at = (line: number, column: number, code: DiagnosticCode, message: string, hint?: string, excerpt?: string) =>
    problems.push(diagnostic({ file, line, column, code, message, ...(hint ? { hint } : {}), ...(excerpt ? { excerpt } : {}) }));

  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length > MAX_CSV_BYTES) {
    at(1, 1, 'file-too-large', `file is larger than the ${MAX_CSV_BYTES / 1024 / 1024} MB limit`, 'split the file or remove unused rows');
    return { value: null, diagnostics: problems };
  }
  const nul = body.indexOf('\u0000');
  if (nul >= 0) {
    const pos = positionAt(body, nul);
    const what = body.startsWith('PK') ? 'it looks like an Excel workbook (.xlsx), not a CSV file' : 'it is not a text CSV file';
    at(pos.line, pos.column, 'binary-file', `file contains NUL bytes: ${what}`, 'in Excel, use "Save as" with the type "CSV UTF-8" or "CSV (séparateur : point-virgule)"');
    return { value: null, diagnostics: problems };
  }
  if (body.trim() === '') {
    at(1, 1, 'empty-file', 'file is empty: expected a header line', 'the first line must name the columns');
    return { value: null, diagnostics: problems };
  }
  const firstLine = body.split(/\r\n|\r|\n/, 1)[0] ?? '';
  if (firstLine.trim() === '') {
    at(1, 1, 'empty-file', 'the first line is blank: expected a header line naming the columns', 'delete the blank lines at the top of the file', firstLine);
    return { value: null, diagnostics: problems };
  }
  const delimiter = sniffDelimiter(firstLine);
  // Where each record and field starts, for file:line:column. csv-parse's own
  // line counts are off after blank lines and CRLF line breaks inside quotes.
  const scan = scanCsv(body, delimiter, MAX_CSV_ROWS + 2);
  if (scan.error === undefined && scan.records.length - 1 > MAX_CSV_ROWS) {
    at(1, 1, 'too-many-rows', `file has more than ${MAX_CSV_ROWS.toLocaleString('en')} data rows`, 'this limit keeps memory bounded; split the pipeline into smaller files');
    return { value: null, diagnostics: problems };
  }
  // Every line-break style, even mixed in one file (rows appended on another machine), as the scanner reads them.
  const options = { delimiter, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, skip_empty_lines: true, max_record_size: 1_000_000, to: MAX_CSV_ROWS + 2 };
  let records: string[][];
  try {
    records = parse(body, options) as string[][];
  } catch (e) {
    const err = e as { code?: string; lines?: number; message?: string };
    const where = scan.error ?? { line: typeof err.lines === 'number' ? err.lines : 1, column: 1 };
    const excerpt = lineText(body, where.line);
    const message =
      err.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted field opened here is never closed'
        : err.code === 'CSV_MAX_RECORD_SIZE'
          ? 'a row is longer than 1,000,000 characters'
          : err.code === 'INVALID_OPENING_QUOTE' || err.code === 'CSV_INVALID_OPENING_QUOTE'
            ? 'a quote appears inside a field that does not start with a quote'
            : err.code === 'CSV_INVALID_CLOSING_QUOTE'
              ? 'a quoted field is followed by other characters before the next delimiter'
              : `the file is not valid CSV (${err.code ?? 'parse error'})`;
    at(where.line, where.column, 'csv-syntax', message, `check the quotes on this line; a field with a "${delimiter}" or a quote must be wrapped in "…" and inner quotes doubled ("")`, excerpt);
    return { value: null, diagnostics: problems };
  }
  const headerRecord = records[0];
  if (headerRecord === undefined) {
    at(1, 1, 'empty-file', 'file is empty: expected a header line', 'the first line must name the columns');
    return { value: null, diagnostics: problems };
  }
  if (records.length - 1 > MAX_CSV_ROWS) {
    at(1, 1, 'too-many-rows', `file has more than ${MAX_CSV_ROWS.toLocaleString('en')} data rows`, 'this limit keeps memory bounded; split the pipeline into smaller files');
    return { value: null, diagnostics: problems };
  }
  // The scanner and csv-parse agree on valid CSV. Should they ever differ, fall back
  // to csv-parse's own (less exact) line counts, which cost a second parse.
  const positions =
    scan.error === undefined && scan.records.length === records.length && scan.records.every((r, i) => r.fields.length === records[i]?.length)
      ? scan.records
      : null;
  const infos = positions
    ? null
    : (parse(body, { ...options, info: true, raw: true }) as unknown as { info: { lines: number; raw?: string } }[]).map((r) => r.info);
  const header = headerRecord.map((h) => h.trim());
  const headerColumns = positions?.[0]?.fields.map((f) => f.column) ?? fieldColumns(firstLine, delimiter);
  const seen = new Map<string, number>();
  for (const [i, h] of header.entries()) {
    const col = headerColumns[i] ?? 1;
    if ((h === '' || seen.has(h)) && stopAfterTooMany(file, 1, problems)) break;
    if (h === '') at(1, col, 'empty-header', `column ${i + 1} has no name in the header`, 'name every column, or delete the empty one', firstLine);
    else if (seen.has(h)) at(1, col, 'duplicate-header', `column "${h}" appears twice in the header (columns ${(seen.get(h) ?? 0) + 1} and ${i + 1})`, 'rename or delete one of the two columns', firstLine);
    else seen.set(h, i);
  }
  if (records.length === 1) {
    at(1, 1, 'no-rows', 'file has a header but no data rows', 'add at least one row under the header', firstLine);
  }

  const rows: CsvRow[] = [];
  for (let index = 1; index < records.length; index += 1) {
    const record = records[index] ?? [];
    const scanned = positions?.[index];
    const info = infos?.[index] ?? { lines: index + 1 };
    const raw = scanned ? body.slice(scanned.start, scanned.end) : stripNewline(info.raw ?? '').replace(/^(\r?\n)+/, '');
    // info.lines is the line where the record ends; a quoted field may span lines.
    const line = scanned?.line ?? info.lines - (raw.split(/\r\n|\r|\n/).length - 1);
    if (record.length !== header.length) {
      if (stopAfterTooMany(file, line, problems)) break;
      at(line, 1, 'column-count', `row has ${record.length} field${record.length === 1 ? '' : 's'} but the header has ${header.length}`, `check for a stray "${delimiter}" or a missing quote`, raw);
      continue;
    }
    const starts = scanned ? null : fieldColumns(raw, delimiter);
    const cells: Record<string, string> = {};
    const columns: Record<string, number> = {};
    const lines: Record<string, number> = {};
    header.forEach((h, i) => {
      cells[h] = (record[i] ?? '').trim();
      const field = scanned?.fields[i];
      columns[h] = field?.column ?? starts?.[i] ?? 1;
      lines[h] = field?.line ?? line;
    });
    const spansLines = scanned !== undefined && scanned.fields.some((f) => f.line !== line);
    rows.push({ line, cells, columns, ...(spansLines ? { lines } : {}), raw });
  }
  return { value: { file, delimiter, decimalComma: delimiter === ';', header, headerColumns, headerLine: firstLine, rows }, diagnostics: problems };
}

function stripNewline(s: string): string {
  return s.replace(/\r?\n$|\r$/, '');
}

interface FieldPosition {
  readonly line: number;
  readonly column: number;
}

interface ScannedRecord {
  /** Line of the record's first character. */
  readonly line: number;
  /** Offsets of the record in the text, line break excluded. */
  readonly start: number;
  readonly end: number;
  readonly fields: readonly FieldPosition[];
}

/**
 * Positions only: where each record and field of an RFC 4180 text starts, with
 * line breaks \n, \r\n or \r, blank lines skipped as csv-parse does. Also
 * finds where a quoting error starts (an unclosed quote is reported where it
 * opens, not at the end of the file). Stops after `maxRecords` records.
 */
export function scanCsv(text: string, delimiter: string, maxRecords = Number.POSITIVE_INFINITY): { records: ScannedRecord[]; error?: FieldPosition } {
  const records: ScannedRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const breakLength = (k: number): number => (text[k] === '\n' ? 1 : text[k] === '\r' ? (text[k + 1] === '\n' ? 2 : 1) : 0);
  const here = (k: number): FieldPosition => ({ line, column: k - lineStart + 1 });
  while (i < n && records.length < maxRecords) {
    const blank = breakLength(i);
    if (blank > 0) {
      i += blank;
      line += 1;
      lineStart = i;
      continue;
    }
    const recordLine = line;
    const start = i;
    const fields: FieldPosition[] = [];
    let end = n;
    for (;;) {
      fields.push(here(i));
      if (text[i] === '"') {
        const opened = here(i);
        i += 1;
        let closed = false;
        while (i < n) {
          if (text[i] === '"') {
            if (text[i + 1] === '"') i += 2;
            else {
              i += 1;
              closed = true;
              break;
            }
          } else {
            const b = breakLength(i);
            if (b > 0) {
              i += b;
              line += 1;
              lineStart = i;
            } else i += 1;
          }
        }
        if (!closed) return { records, error: opened };
        if (i < n && text[i] !== delimiter && breakLength(i) === 0) return { records, error: here(i) };
      } else {
        while (i < n && text[i] !== delimiter && breakLength(i) === 0) {
          if (text[i] === '"') return { records, error: here(i) };
          i += 1;
        }
      }
      if (i >= n) break;
      if (text[i] === delimiter) {
        i += 1;
        continue;
      }
      end = i;
      i += breakLength(i);
      line += 1;
      lineStart = i;
      break;
    }
    records.push({ line: recordLine, start, end, fields });
  }
  return { records };
}

/** 1-based line and column of a character offset. */
function positionAt(text: string, offset: number): FieldPosition {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset; k += 1) {
    const c = text[k];
    if (c === '\n' || (c === '\r' && text[k + 1] !== '\n')) {
      line += 1;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The text of one line (1-based), for excerpts. */
function lineText(text: string, line: number): string {
  return text.split(/\r\n|\r|\n/, line)[line - 1] ?? '';
}
