/** Aligned plain-text tables for the terminal: text left, numbers right. */
export interface TextColumn {
  readonly header: string;
  readonly align?: 'left' | 'right';
}

export function textTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) => Math.max(width(c.header), ...rows.map((r) => width(r[i] ?? ''))));
  const pad = (s: string, i: number) => {
    const gap = ' '.repeat((widths[i] ?? 0) - width(s));
    return columns[i]?.align === 'right' ? gap + s : s + gap;
  };
  const line = (cells: readonly string[]) => cells.map((c, i) => pad(c, i)).join('  ').trimEnd();
  return [line(columns.map((c) => c.header)), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Display width: thin and non-breaking spaces count as one column like any character. */
function width(s: string): number {
  return [...s].length;
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Millions of FCFA with one decimal and thousands separators. */
export function money(x: number): string {
  return grouped.format(Math.abs(x) < 0.05 ? 0 : x);
}

export function integer(x: number): string {
  return whole.format(x);
}

export function percent(x: number | null, digits = 1): string {
  return x === null || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(digits)} %`;
}
