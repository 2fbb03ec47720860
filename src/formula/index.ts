export { compileFormula, FORMULA_LIMITS, type CompiledFormula, type FormulaResult } from './compile.js';
