/**
 * The library's one call: a scenario by name or path, loaded, checked and run
 * exactly as `bcid run` does it. Its result is what `bcid run` writes to
 * results.json (tests/pipeline/run-scenario.test.ts checks it on every shipped scenario).
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../diagnostics/format.js';
import { projectPaths } from '../io/project-paths.js';
import type { RunResults } from '../model/results.js';
import { loadScenarioInputs } from './load.js';
import { runLoaded, type RunOptions } from './run.js';

export interface RunScenarioOptions extends RunOptions {
  /** Project folder holding scenarios/, data/ and reports/. */
  readonly root: string;
  /** Allow data paths outside the project's data folder. */
  readonly allowOutside?: boolean;
}

/** The scenario's inputs have errors: nothing was run. */
export class ScenarioInputError extends Error {
  override readonly name = 'ScenarioInputError';
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`the scenario's inputs are invalid:\n${formatDiagnostics(diagnostics)}`);
  }
}

export async function runScenario(scenario: string, options: RunScenarioOptions): Promise<RunResults> {
  const paths = projectPaths(path.resolve(options.root));
  const loaded = await loadScenarioInputs(scenario, paths, { allowOutside: options.allowOutside ?? false });
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || loaded.value === null) throw new ScenarioInputError(errors);
  const { method, onLp } = options;
  return (await runLoaded(loaded.value, { ...(method !== undefined ? { method } : {}), ...(onLp !== undefined ? { onLp } : {}) })).results;
}
