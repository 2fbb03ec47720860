import type { Diagnostic } from './diagnostic.js';

/**
 * The message a user reads, compiler-style so editors and terminals can jump to it:
 *
 *   data/projects.csv:14:5: error [invalid-number] total_cost must be …, got "1.2e"
 *      14 | AES-014,Route …
 *         |     ^
 *     = hint: …
 */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column}: ${d.severity} [${d.code}] ${d.message}`;
  const lines = [head];
  if (d.excerpt !== undefined && d.excerpt !== '') {
    const gutter = String(d.line);
    const shown = d.excerpt.split(/\r\n|\r|\n/)[0] ?? '';
    const { text, caret } = clip(shown, d.column);
    lines.push(`  ${gutter} | ${text}`);
    // Keep tabs (tab-separated files) so that the caret lines up in a terminal.
    if (caret !== null) lines.push(`  ${' '.repeat(gutter.length)} | ${text.slice(0, caret - 1).replace(/[^\t]/g, ' ')}^`);
  }
  if (d.hint !== undefined) lines.push(`  = hint: ${d.hint}`);
  return lines.join('\n');
}

const WIDTH = 160;

/**
 * At most WIDTH characters of a long line, keeping the column in view (a wide
 * CSV row is clipped around the offending cell, not always at its start).
 * Returns the caret's column in the clipped text, or null when out of range.
 */
function clip(line: string, column: number): { text: string; caret: number | null } {
  const inRange = column >= 1 && column <= line.length + 1;
  if (line.length <= WIDTH) return { text: line, caret: inRange ? column : null };
  const start = inRange && column > WIDTH - 40 ? Math.min(column - 1 - 60, line.length - (WIDTH - 3)) : 0;
  const head = start > 0 ? '...' : '';
  let room = WIDTH - head.length;
  let tail = '';
  if (start + room < line.length) {
    room -= 3;
    tail = '...';
  }
  const body = line.slice(start, start + room);
  return { text: `${head}${body}${tail}`, caret: inRange ? column - start + head.length : null };
}

export function formatDiagnostics(ds: readonly Diagnostic[]): string {
  const sorted = [...ds].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
  return sorted.map(formatDiagnostic).join('\n\n');
}

export function summarise(ds: readonly Diagnostic[]): string {
  const errors = ds.filter((d) => d.severity === 'error').length;
  const warnings = ds.length - errors;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
