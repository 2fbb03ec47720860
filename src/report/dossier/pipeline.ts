/** Section 3: the project pipeline, what is funded and why the rest is not. */
import { selectColumns } from '../table.js';
import { fundedTable, unfundedTable } from '../tables.js';
import type { SectionContext } from './context.js';
import type { Block } from './types.js';

export function pipelineBlocks(c: SectionContext): Block[] {
  const { results, L, charts } = c;
  const funded = fundedTable(results, L);
  const unfunded = unfundedTable(results, L);
  const fundedCount = results.allocation.filter((r) => r.approved > 0).length;
  const pipeline: Block[] = [
    { kind: 'paragraph', text: L.t('pipeline.intro', { method: L.t(`enum.allocation.${results.solver.method}`) }) },
    {
      kind: 'paragraph',
      text: L.t('pipeline.counts', {
        funded: L.integer(fundedCount),
        total: L.integer(results.allocation.length),
        approved: L.money(results.allocation.reduce((a, r) => a + r.approved, 0)),
        requested: L.money(results.allocation.reduce((a, r) => a + r.requested, 0)),
      }),
    },
    { kind: 'chart', chart: charts['prioritisation-quadrant'] },
    { kind: 'paragraph', text: L.t('pipeline.quadrantNote') },
    { kind: 'chart', chart: charts['commitments-by-member'] },
    { kind: 'chart', chart: charts['commitments-by-sector'] },
    {
      kind: 'table',
      table: selectColumns(funded, ['id', 'name', 'countries', 'sector', 'commitmentYear', 'approved', 'score']),
    },
    { kind: 'heading', text: L.t('pipeline.unfundedTitle') },
    unfunded.rows.length === 0
      ? { kind: 'paragraph', text: L.t('pipeline.noneUnfunded') }
      : { kind: 'table', table: selectColumns(unfunded, ['id', 'name', 'countries', 'requested', 'approved', 'limit', 'reason']) },
  ];
  return pipeline;
}
