import type { WithDiagnostics } from '../diagnostics/diagnostic.js';
import { loadRunInputs, type LoadedRun, type LoadOptions } from '../io/load-run-inputs.js';
import type { ProjectPaths } from '../io/project-paths.js';

/** Everything `bcid validate` checks: files, cross-file references and the scoring formula. */
export async function loadCheckedInputs(scenario: string, paths: ProjectPaths, options: LoadOptions): Promise<WithDiagnostics<LoadedRun | null>> {
  const loaded = loadRunInputs(scenario, paths, options);
  if (loaded.value === null) return loaded;
  const { checkFormula } = await import('../validate/formula-check.js');
  const formulaProblems = await checkFormula(loaded.value.resolved);
  if (formulaProblems.length === 0) return loaded;
  return { value: loaded.value, diagnostics: [...loaded.diagnostics, ...formulaProblems] };
}
