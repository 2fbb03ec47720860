/**
 * The one renderer of terminal summaries (`bcid run`, `risk`, `compare`, `loan`):
 * heading lines, groups of aligned facts, tables, notes, separated by blank lines.
 */
import type { Locale } from '../report/locale.js';
import type { SummarySpec } from '../report/summary.js';
import { displayWidth, renderTextTable } from './text-table.js';

/** Facts are printed as "  label  value", labels padded to this width (wider ones push their value). */
const LABEL_WIDTH = 23;

const padEnd = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

export function renderSummary(spec: SummarySpec, locale: Locale): string {
  const blocks: string[][] = [];
  if (spec.head.length > 0) blocks.push([...spec.head]);
  for (const g of spec.groups) {
    blocks.push([...(g.heading !== undefined ? [`  ${g.heading}`] : []), ...g.facts.map((f) => `  ${padEnd(f.label, LABEL_WIDTH)}  ${f.value}`)]);
  }
  // A table's title, when it has one, sits above it with a blank line, as renderTextTable draws it.
  for (const t of spec.tables) blocks.push([renderTextTable(t, locale, { title: t.title !== '', maxColumnWidth: spec.maxColumnWidth ?? 40 }).trimEnd()]);
  if (spec.notes.length > 0) blocks.push([...spec.notes]);
  return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`;
}
