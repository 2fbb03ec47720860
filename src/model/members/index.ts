/** Members' debt: existing debt paths, BCID-AES loans on top, LIC-DSF and WAEMU indicators. */
export { memberRows, type MemberRowOptions } from './member-rows.js';
export { debtPath, pvFactor, DSF_DISCOUNT_RATE, type DebtPath, type DebtYear } from './debt-path.js';
export { bcidFlows, type BcidFlows } from './bcid-flows.js';
export { DEBT_DEFAULTS, debtDynamicsFor, type DebtDynamics } from './debt-defaults.js';
export { macroFor, type MacroYear } from './macro.js';
export {
  DEBT_INDICATORS,
  DEBT_THRESHOLDS,
  LIC_DSF_INDICATORS,
  LIC_DSF_THRESHOLDS,
  WAEMU_DEBT_CEILING,
  bindingIndicator,
  breaches,
  type DebtIndicator,
  type IndicatorValues,
} from './thresholds.js';
export { heaviestBurden } from './burden.js';
export { memberDebtResults, type DebtResults, type DebtResultsInput } from './attach.js';
