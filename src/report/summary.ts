/**
 * A terminal summary as a spec: heading lines, labelled facts, tables and closing
 * notes. `bcid run`, `risk`, `compare` and `loan` build one; render/summary.ts
 * draws them all the same way.
 */
import type { TableSpec } from './table.js';

export interface SummaryFact {
  readonly label: string;
  readonly value: string;
}

/** Facts under an optional heading, labels padded to one width. */
export interface FactGroup {
  readonly heading?: string;
  readonly facts: readonly SummaryFact[];
}

export interface SummarySpec {
  readonly head: readonly string[];
  readonly groups: readonly FactGroup[];
  /** Each drawn under its title, if not empty, e.g. "Funded projects (amounts in bn FCFA)". */
  readonly tables: readonly TableSpec[];
  /** Widest a text cell of the tables may be before it is cut (default 40). */
  readonly maxColumnWidth?: number;
  readonly notes: readonly string[];
}
