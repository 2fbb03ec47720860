/** Section 6, risks and stress tests: the blocks given by the risk section's builder; null when the dossier has none. */
import type { SectionContext } from './context.js';
import type { Block } from './types.js';

export function riskBlocks(c: SectionContext): Block[] | null {
  const { options } = c;
  const risk = options.sections?.risk;
  const blocks: Block[] | null = risk
    ? [
        ...(risk.intro ?? []).map((text): Block => ({ kind: 'paragraph', text })),
        ...(risk.tables ?? []).map((table): Block => ({ kind: 'table', table })),
        ...(risk.charts ?? []).map((chart): Block => ({ kind: 'chart', chart })),
        ...(risk.blocks ?? []),
      ]
    : null;
  return blocks;
}
