/**
 * How every command loads and runs a scenario: the pipeline, with its
 * diagnostics printed and its failures turned into exit codes.
 */
import { formatDiagnostic, formatDiagnostics } from '../diagnostics/format.js';
import type { ProjectPaths } from '../io/project-paths.js';
import type { LoadedRun } from '../pipeline/load.js';
import { runLoaded, ScenarioProblem, type RunOptions, type ScenarioRun } from '../pipeline/run.js';
import { InputFailure } from './failures.js';
import type { CliIo } from './io.js';

export interface LoadFlags {
  readonly allowOutside: boolean;
  readonly quiet: boolean;
}

/** The scenario and its data, checked; diagnostics printed; an `InputFailure` (exit 1) when any is an error. */
export async function loadOrFail(scenarioArg: string, paths: ProjectPaths, io: CliIo, flags: LoadFlags): Promise<LoadedRun> {
  // zod and yaml take about 0.2 s to load: only when a scenario is read, so that `bcid --help` stays fast.
  const { loadScenarioInputs } = await import('../pipeline/load.js');
  const loaded = await loadScenarioInputs(scenarioArg, paths, { allowOutside: flags.allowOutside });
  if (loaded.diagnostics.length > 0 && !flags.quiet) io.stderr(`${formatDiagnostics(loaded.diagnostics)}\n\n`);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || loaded.value === null) {
    io.stderr(`${scenarioArg}: invalid input, nothing was run (${errors.length} error${errors.length === 1 ? '' : 's'}); see \`bcid validate ${scenarioArg}\`\n`);
    throw new InputFailure(errors);
  }
  return loaded.value;
}

/** The pipeline's run; an infeasible allocation or a failing formula is printed as a diagnostic and exits 1. */
export async function runOrFail(loaded: LoadedRun, io: CliIo, options: RunOptions = {}): Promise<ScenarioRun> {
  try {
    return await runLoaded(loaded, options);
  } catch (e) {
    if (!(e instanceof ScenarioProblem)) throw e;
    io.stderr(`${formatDiagnostic(e.diagnostic)}\n`);
    throw new InputFailure([e.diagnostic]);
  }
}

/** Loads then runs: what `bcid risk` and `bcid compare` need. */
export async function loadAndRun(scenarioArg: string, paths: ProjectPaths, io: CliIo, flags: LoadFlags): Promise<ScenarioRun & { readonly loaded: LoadedRun }> {
  const loaded = await loadOrFail(scenarioArg, paths, io, flags);
  return { ...(await runOrFail(loaded, io)), loaded };
}
