/**
 * The load half of the pipeline: decode and parse the scenario and its data
 * files (io/), then the checks between the scenario's keys, across files and of
 * the scoring formula (validate/). Everything `bcid validate` reports; errors are values.
 */
import type { WithDiagnostics } from '../diagnostics/diagnostic.js';
import { loadRunInputs, type LoadedRun, type LoadOptions } from '../io/load-run-inputs.js';
import type { ProjectPaths } from '../io/project-paths.js';
import { listScenarios } from '../io/list-scenarios.js';
import { crossCheck } from '../validate/cross-checks.js';
import { checkDossierStresses } from '../validate/dossier-stresses.js';
import { hiddenCharacterWarnings } from '../validate/hidden-characters.js';
import { scenarioConsistency } from '../validate/scenario-consistency.js';

export type { LoadedRun, LoadOptions } from '../io/load-run-inputs.js';

export async function loadScenarioInputs(scenario: string, paths: ProjectPaths, options: LoadOptions = {}): Promise<WithDiagnostics<LoadedRun | null>> {
  const loaded = loadRunInputs(scenario, paths, options);
  const consistency = loaded.draft ? scenarioConsistency(loaded.draft) : [];
  // An inconsistent scenario is not checked against its data, nor run.
  if (loaded.value === null || consistency.some((d) => d.severity === 'error')) return { value: null, diagnostics: [...loaded.diagnostics, ...consistency] };
  const { resolved, inputs, incomplete } = loaded.value;
  const { data } = resolved.scenario;
  const crossProblems = [
    ...crossCheck(inputs, resolved, { members: data.members, contributions: data.contributions }, incomplete),
    ...checkDossierStresses(resolved, listScenarios(paths)),
    ...hiddenCharacterWarnings(inputs),
  ];
  // mathjs is heavy: the formula check loads it only when the scenario has a formula.
  const { checkFormula } = await import('../validate/formula-check.js');
  const formulaProblems = await checkFormula(resolved);
  return { value: loaded.value, diagnostics: [...loaded.diagnostics, ...consistency, ...crossProblems, ...formulaProblems] };
}
