/**
 * `bcid run --export-lp FILE`: the allocation MILP in CPLEX LP format, so
 * that another solver can check it. This runs the optimal method and
 * returns the last MILP it solved (the fixed-point loop may solve more than
 * one; the last is the one whose solution was kept). Pure; the CLI writes it.
 */
import type { InputData } from '../../schema/records.js';
import type { Scenario } from '../../schema/scenario.js';
import { runModel } from '../run.js';

export async function allocationLp(inputs: InputData, scenario: Scenario & { name: string }): Promise<string> {
  let lp = '';
  await runModel(inputs, scenario, { method: 'optimal', onLp: (text) => (lp = text) });
  return lp;
}

export { buildMilp } from './milp-model.js';
export { writeLp as toLp } from './lp-writer.js';
