/** Section 7: method, parameters, sources and the invariant checks. */
import { parametersTable } from '../parameters.js';
import { selectColumns } from '../table.js';
import { checksTable } from '../tables.js';
import { blankRepeats, inputsTable } from './helpers.js';
import type { SectionContext } from './context.js';
import type { Block } from './types.js';

export function methodologyBlocks(c: SectionContext): Block[] {
  const { results, L, options } = c;
  const s = results.scenario;
  const failed = results.checks.filter((ch) => !ch.ok);
  const sv = results.solver;
  const methodology: Block[] = [
    { kind: 'paragraph', text: L.t('methodology.intro') },
    {
      kind: 'paragraph',
      text: [
        L.t('methodology.solver', { method: L.t(`enum.allocation.${sv.method}`), status: sv.status, objective: L.number(sv.objective, 3) }),
        ...(sv.gap !== null ? [L.t('methodology.solverGap', { gap: L.percent(sv.gap, 2) })] : []),
        ...(sv.marginalScorePerBillion !== null ? [L.t('methodology.marginal', { value: L.number(sv.marginalScorePerBillion, 4) })] : []),
      ].join(' '),
    },
    {
      kind: 'paragraph',
      text:
        s.stresses && s.stresses.length > 0
          ? L.t('methodology.stresses', { list: s.stresses.join(L.t('common.listSeparator')) })
          : L.t('methodology.noStresses'),
    },
    ...(options.sections?.risk === undefined ? [{ kind: 'paragraph', text: L.t('risk.none') } as const] : []),
    { kind: 'heading', text: L.t('methodology.parameters') },
    { kind: 'table', table: blankRepeats(selectColumns(parametersTable(results, L), ['group', 'parameter', 'value']), 0), compact: true },
    { kind: 'heading', text: L.t('methodology.sources') },
    { kind: 'table', table: inputsTable(options.inputs, L), compact: true },
    { kind: 'paragraph', text: L.t('methodology.estimateFlag') },
    { kind: 'heading', text: L.t('methodology.checks') },
    failed.length === 0
      ? { kind: 'paragraph', text: L.t('methodology.checksOk', { count: L.integer(results.checks.length) }) }
      : { kind: 'table', table: checksTable(results, L), compact: true },
  ];
  return methodology;
}
