import { diagnostic, type Diagnostic, type DiagnosticCode } from '../diagnostics/diagnostic.js';
import { stopAfterTooMany, type CsvRow, type CsvTable } from './csv-table.js';
import { parseLocaleNumber } from './locale-number.js';
import { closest } from '../diagnostics/suggest.js';

interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  /** What the column holds, for messages: "millions of FCFA", "a decimal rate". */
  readonly unit: string;
}

/**
 * Reads typed cells from one CSV row, collecting a diagnostic for every bad
 * cell instead of stopping at the first, so one pass reports all problems.
 */
export class RowReader {
  constructor(
    private readonly table: CsvTable,
    private readonly row: CsvRow,
    private readonly problems: Diagnostic[],
  ) {}

  get line(): number {
    return this.row.line;
  }

  position(column: string): { file: string; line: number; column: number } {
    return { file: this.table.file, line: this.row.lines?.[column] ?? this.row.line, column: this.row.columns[column] ?? 1 };
  }

  report(column: string, code: DiagnosticCode, message: string, extra: { found?: string; expected?: string; hint?: string } = {}): void {
    const at = this.position(column);
    // The excerpt is the physical line the position points into (a quoted field may span lines).
    const excerpt = this.row.raw.split(/\r\n|\r|\n/)[at.line - this.row.line] ?? this.row.raw;
    this.problems.push(diagnostic({ ...at, code, field: column, message, excerpt, ...extra }));
  }

  text(column: string, options: { required?: boolean } = {}): string {
    const value = this.row.cells[column] ?? '';
    if (value === '' && options.required !== false) {
      this.report(column, 'missing-value', `${column} is empty`, { found: '', expected: 'a value', hint: `fill in ${column}` });
    }
    return value;
  }

  oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const value = this.text(column);
    if (value !== '' && !(allowed as readonly string[]).includes(value)) {
      const suggestion = closest(value, allowed);
      this.report(column, 'invalid-enum', `${column} must be one of ${allowed.join(', ')}, got "${value}"`, {
        found: value,
        expected: allowed.join(' | '),
        hint: suggestion ? `did you mean "${suggestion}"?` : `use one of: ${allowed.join(', ')}`,
      });
    }
    return value as T;
  }

  number(column: string, rule: NumberRule): number {
    return this.optionalNumber(column, rule, true) ?? Number.NaN;
  }

  optionalNumber(column: string, rule: NumberRule, required = false): number | null {
    const raw = this.row.cells[column] ?? '';
    if (raw === '') {
      if (required) this.report(column, 'missing-value', `${column} is empty: expected ${describe(rule)}`, { found: '', expected: describe(rule), hint: `fill in ${column}` });
      return null;
    }
    const value = parseLocaleNumber(raw, this.table.decimalComma);
    if (value === null) {
      this.report(column, 'invalid-number', `${column} must be ${describe(rule)}, got "${raw}"`, {
        found: raw,
        expected: describe(rule),
        hint: this.table.decimalComma ? 'write numbers like 1 234,5 (decimal comma)' : 'write numbers like 1234.5 (decimal point, no unit)',
      });
      return null;
    }
    if (rule.integer === true && !Number.isInteger(value)) {
      this.report(column, 'not-integer', `${column} must be a whole number, got "${raw}"`, { found: raw, expected: describe(rule), hint: `write ${describe(rule)}, without decimals` });
      return null;
    }
    if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max)) {
      this.report(column, 'out-of-range', `${column} must be ${describe(rule)}, got ${raw}`, {
        found: raw,
        expected: describe(rule),
        hint: 'check the unit: amounts are in millions of FCFA and rates are decimals (0.05 = 5 %)',
      });
      return null;
    }
    return value;
  }
}

function describe(rule: NumberRule): string {
  const kind = rule.integer === true ? 'a whole number' : 'a number';
  const range =
    rule.min !== undefined && rule.max !== undefined
      ? ` from ${rule.min} to ${rule.max}`
      : rule.min !== undefined
        ? ` ≥ ${rule.min}`
        : rule.max !== undefined
          ? ` ≤ ${rule.max}`
          : '';
  return `${kind}${range} (${rule.unit})`;
}

/** Header check shared by every loader: missing columns are reported once, at line 1. */
export function checkHeader(table: CsvTable, expected: readonly string[], problems: Diagnostic[]): boolean {
  let ok = true;
  for (const name of expected) {
    if (!table.header.includes(name)) {
      ok = false;
      const suggestion = closest(name, table.header);
      problems.push(
        diagnostic({
          file: table.file,
          line: 1,
          column: 1,
          code: 'missing-column',
          field: name,
          message: `column "${name}" is missing from the header`,
          expected: name,
          hint: suggestion ? `did you mean to name "${suggestion}" as "${name}"?` : `add a "${name}" column`,
          excerpt: table.headerLine,
        }),
      );
    }
  }
  const reported = new Set<string>();
  for (const [index, name] of table.header.entries()) {
    if (name !== '' && !expected.includes(name) && !reported.has(name)) {
      if (stopAfterTooMany(table.file, 1, problems)) break;
      reported.add(name);
      const suggestion = closest(name, expected);
      problems.push(
        diagnostic({
          file: table.file,
          line: 1,
          column: table.headerColumns[index] ?? 1,
          code: 'unknown-column',
          severity: 'warning',
          field: name,
          message: `column "${name}" is not used by the model and will be ignored`,
          excerpt: table.headerLine,
          hint: suggestion ? `did you mean "${suggestion}"?` : 'delete the column if it is not needed; the model ignores it',
        }),
      );
    }
  }
  return ok;
}

