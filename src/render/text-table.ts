/**
 * Aligned plain-text tables for the terminal: numbers right-aligned and formatted
 * for the report language, text left-aligned, a rule under the header.
 */
import type { Locale } from '../report/locale.js';
import { formatCell, headerLabel, isNumericKind, type TableSpec } from '../report/table.js';

/** Display width: code points, with combining marks and bidi/format controls taking no room. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) if (!/[\p{Mn}\p{Cf}]/u.test(ch)) w++;
  return w;
}

function pad(s: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

function clip(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  return `${Array.from(s).slice(0, Math.max(1, max - 1)).join('')}…`;
}

export interface TextTableOptions {
  /** Widest a text column may be before it is cut with an ellipsis (default 40). */
  readonly maxColumnWidth?: number;
  /** Print the title above the table (default true). */
  readonly title?: boolean;
}

export function renderTextTable(table: TableSpec, locale: Locale, options: TextTableOptions = {}): string {
  const max = options.maxColumnWidth ?? 40;
  const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ');
  const header = table.columns.map((c) => clip(oneLine(headerLabel(c, locale)), max));
  const body = table.rows.map((r) => table.columns.map((c, i) => clip(oneLine(formatCell(r[i] ?? null, c, locale)), max)));
  const widths = table.columns.map((_c, i) => Math.max(displayWidth(header[i]!), ...body.map((r) => displayWidth(r[i]!))));
  const right = table.columns.map((c) => isNumericKind(c.kind));
  const line = (cells: string[]) =>
    cells
      .map((s, i) => pad(s, widths[i]!, right[i]!))
      .join('  ')
      .replace(/\s+$/, '');
  const out: string[] = [];
  if (options.title ?? true) out.push(table.title, '');
  out.push(line(header), widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of body) out.push(line(r));
  return `${out.join('\n')}\n`;
}
