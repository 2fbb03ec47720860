/**
 * The load half of the pipeline: decode and parse the scenario and its data
 * files (io/), then the checks across files and of the scoring formula
 * (validate/). Everything `bcid validate` reports; errors are values.
 */
import type { WithDiagnostics } from '../diagnostics/diagnostic.js';
import { loadRunInputs, type LoadedRun, type LoadOptions } from '../io/load-run-inputs.js';
import type { ProjectPaths } from '../io/project-paths.js';
import { listScenarios } from '../io/list-scenarios.js';
import { crossCheck } from '../validate/cross-checks.js';
import { checkDossierStresses } from '../validate/dossier-stresses.js';

export type { LoadedRun, LoadOptions } from '../io/load-run-inputs.js';

export async function loadScenarioInputs(scenario: string, paths: ProjectPaths, options: LoadOptions = {}): Promise<WithDiagnostics<LoadedRun | null>> {
  const loaded = loadRunInputs(scenario, paths, options);
  if (loaded.value === null) return loaded;
  const { resolved, inputs, incomplete } = loaded.value;
  const { data } = resolved.scenario;
  const crossProblems = [
    ...crossCheck(inputs, resolved, { members: data.members, contributions: data.contributions }, incomplete),
    ...checkDossierStresses(resolved, listScenarios(paths)),
  ];
  // mathjs is heavy: the formula check loads it only when the scenario has a formula.
  const { checkFormula } = await import('../validate/formula-check.js');
  const formulaProblems = await checkFormula(resolved);
  return { value: loaded.value, diagnostics: [...loaded.diagnostics, ...crossProblems, ...formulaProblems] };
}
