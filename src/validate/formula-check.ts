import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ResolvedScenario } from '../io/scenario-loader.js';

/**
 * A scoring formula is checked when the scenario is validated, not when the
 * model first evaluates it: the analyst sees the column of the mistake. `bcid run`
 * loads its inputs through the same check, so both give the same verdict and message.
 * mathjs is heavy, so it is loaded only when a formula is present.
 */
export async function checkFormula(resolved: ResolvedScenario): Promise<Diagnostic[]> {
  const formula = resolved.scenario.appraisal.formula;
  if (formula === undefined) return [];
  const { compileScoreFormula, FORMULA_VARIABLES } = await import('../formula/index.js');
  const compiled = compileScoreFormula(formula);
  if (compiled.ok) return [];
  const at = resolved.locate(['appraisal', 'formula']);
  // The formula sits after `formula: ` (and maybe a quote) on its line: point at the offending character.
  const start = at.excerpt.indexOf(formula.slice(0, 12));
  const column = compiled.column !== undefined && start >= 0 ? start + compiled.column : at.column;
  return [
    diagnostic({
      ...at,
      column,
      code: 'invalid-formula',
      field: 'appraisal.formula',
      found: formula,
      message: `appraisal.formula is not allowed: ${compiled.message}`,
      hint: `use numbers, + - * / ^, min max abs round floor ceil sqrt log exp pow mean sum, and the variables ${FORMULA_VARIABLES.join(', ')}`,
    }),
  ];
}
