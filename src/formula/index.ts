import { compileFormula, type CompiledFormula, type FormulaResult } from './compile.js';
import { FORMULA_VARIABLES } from './score-variables.js';

export { compileFormula, FORMULA_LIMITS, type CompiledFormula, type FormulaResult } from './compile.js';
export { FORMULA_VARIABLES } from './score-variables.js';

/**
 * The one check of a scoring formula: `bcid validate` and `bcid run` both call it,
 * so they give the same verdict and the same message.
 */
export function compileScoreFormula(source: string): FormulaResult<CompiledFormula> {
  return compileFormula(source, FORMULA_VARIABLES);
}
