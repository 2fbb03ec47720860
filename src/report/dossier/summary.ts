/** Section 1, the executive summary: the key figures with their sentences. */
import { keyFigures } from '../key-figures.js';
import type { SectionContext } from './context.js';
import type { Block } from './types.js';

export function summaryBlocks(c: SectionContext): Block[] {
  const { results, L } = c;
  const s = results.scenario;
  const figures = keyFigures(results, L);
  const failed = results.checks.filter((ch) => !ch.ok);
  const summary: Block[] = [
    { kind: 'paragraph', text: L.t('summary.intro', { name: s.name, start: L.year(s.horizon.start), end: L.year(s.horizon.end) }) },
    ...(failed.length > 0 ? [{ kind: 'callout', tone: 'warning', text: L.tn('summary.checksFailed', failed.length) } as const] : []),
    { kind: 'keyFigures', items: figures },
  ];
  return summary;
}
