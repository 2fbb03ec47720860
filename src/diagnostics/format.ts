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
    const shown = d.excerpt.split(/\r?\n/)[0] ?? '';
    const clipped = shown.length > 160 ? `${shown.slice(0, 157)}...` : shown;
    lines.push(`  ${gutter} | ${clipped}`);
    if (d.column >= 1 && d.column <= clipped.length + 1) {
      lines.push(`  ${' '.repeat(gutter.length)} | ${' '.repeat(d.column - 1)}^`);
    }
  }
  if (d.hint !== undefined) lines.push(`  = hint: ${d.hint}`);
  return lines.join('\n');
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
