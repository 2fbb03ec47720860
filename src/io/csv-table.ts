import { parse } from 'csv-parse/sync';
import { diagnostic, type Diagnostic, type WithDiagnostics } from '../diagnostics/diagnostic.js';

/** A CSV file read into rows of named text cells, each row knowing where it came from. */
export interface CsvRow {
  readonly line: number;
  /** Cell text by header name (trimmed). */
  readonly cells: Readonly<Record<string, string>>;
  /** 1-based character column of each header's cell on its line. */
  readonly columns: Readonly<Record<string, number>>;
  /** The row as it stands in the file, for error excerpts. */
  readonly raw: string;
}

export interface CsvTable {
  readonly file: string;
  readonly delimiter: ',' | ';' | '\t';
  /** French Excel exports pair `;` with decimal commas. */
  readonly decimalComma: boolean;
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

/** Refuse rather than exhaust memory: the pipeline holds a few hundred projects. */
export const MAX_CSV_ROWS = 200_000;
export const MAX_CSV_BYTES = 64 * 1024 * 1024;

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
  const at = (line: number, column: number, code: string, message: string, hint?: string, excerpt?: string) =>
    problems.push(diagnostic({ file, line, column, code, message, ...(hint ? { hint } : {}), ...(excerpt ? { excerpt } : {}) }));

  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length > MAX_CSV_BYTES) {
    at(1, 1, 'file-too-large', `file is larger than the ${MAX_CSV_BYTES / 1024 / 1024} MB limit`, 'split the file or remove unused rows');
    return { value: null, diagnostics: problems };
  }
  if (body.includes('\u0000')) {
    at(1, 1, 'binary-file', 'file contains NUL bytes: it is not a text CSV file', 'export it from Excel as "CSV UTF-8" or "CSV (séparateur : point-virgule)"');
    return { value: null, diagnostics: problems };
  }
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trim() === '') {
    at(1, 1, 'empty-file', 'file is empty: expected a header line', 'the first line must name the columns');
    return { value: null, diagnostics: problems };
  }
  const delimiter = sniffDelimiter(firstLine);
  let records: { record: string[]; info: { lines: number; raw?: string } }[];
  try {
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
      max_record_size: 1_000_000,
      to: MAX_CSV_ROWS + 2,
    }) as unknown as typeof records;
  } catch (e) {
    const err = e as { code?: string; lines?: number; message?: string };
    const line = typeof err.lines === 'number' ? err.lines : 1;
    const message =
      err.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted field is never closed'
        : err.code === 'CSV_MAX_RECORD_SIZE'
          ? 'a row is longer than 1,000,000 characters'
          : `the file is not valid CSV (${err.code ?? 'parse error'})`;
    at(line, 1, 'csv-syntax', message, 'check the quotes on this line; a field with a delimiter or a quote must be wrapped in "…" and inner quotes doubled');
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
  const header = headerRecord.record.map((h) => h.trim());
  const headerColumns = fieldColumns(stripNewline(headerRecord.info.raw ?? firstLine), delimiter);
  const seen = new Map<string, number>();
  header.forEach((h, i) => {
    const col = headerColumns[i] ?? 1;
    if (h === '') at(1, col, 'empty-header', `column ${i + 1} has no name in the header`, 'name every column, or delete the empty one', firstLine);
    else if (seen.has(h)) at(1, col, 'duplicate-header', `column "${h}" appears twice in the header`, 'rename or delete one of the two columns', firstLine);
    else seen.set(h, i);
  });

  const rows: CsvRow[] = [];
  let previousEnd = 1;
  for (const { record, info } of records.slice(1)) {
    const raw = stripNewline(info.raw ?? '');
    // info.lines is the line where the record ends; a quoted field may span lines.
    const line = info.lines - (raw.split(/\r?\n/).length - 1);
    previousEnd = info.lines;
    if (record.length !== header.length) {
      at(line, 1, 'column-count', `row has ${record.length} fields but the header has ${header.length}`, `check for a stray "${delimiter}" or a missing quote`, raw);
      continue;
    }
    const starts = fieldColumns(raw, delimiter);
    const cells: Record<string, string> = {};
    const columns: Record<string, number> = {};
    header.forEach((h, i) => {
      cells[h] = (record[i] ?? '').trim();
      columns[h] = starts[i] ?? 1;
    });
    rows.push({ line, cells, columns, raw });
  }
  void previousEnd;
  return { value: { file, delimiter, decimalComma: delimiter === ';', header, rows }, diagnostics: problems };
}

function stripNewline(s: string): string {
  return s.replace(/\r?\n$/, '');
}
