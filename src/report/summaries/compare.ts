/** The terminal summary of `bcid compare`: indicators down, scenarios across (English, like `bcid run`'s). */
import type { ComparisonResults } from '../../risk/compare.js';
import type { Locale } from '../locale.js';
import { comparisonTable } from '../risk/tables.js';
import type { SummarySpec } from '../summary.js';

export function compareSummarySpec(c: ComparisonResults, L: Locale): SummarySpec {
  return { head: [], groups: [], tables: [comparisonTable(c, L)], maxColumnWidth: 64, notes: [] };
}
