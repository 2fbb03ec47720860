/**
 * The bundled baseline, run once per test file: what the stress and Monte Carlo
 * tests start from (the allocation held fixed, as `bcid risk` uses it).
 */
import { loadRunInputs } from '../../src/io/load-run-inputs.js';
import { projectPaths } from '../../src/io/project-paths.js';
import { runLoaded, type ScenarioRun } from '../../src/pipeline/run.js';
import type { Scenario } from '../../src/schema/scenario.js';
import type { InputData } from '../../src/schema/records.js';
import type { StressBase } from '../../src/risk/stress-run.js';
import { REPO_ROOT } from '../helpers/project.js';

export type RunScenario = Scenario & { readonly name: string };

export interface Fixture {
  readonly scenario: RunScenario;
  readonly inputs: InputData;
  readonly run: ScenarioRun;
  readonly base: StressBase;
}

const cache = new Map<string, Promise<Fixture>>();

/** A bundled scenario (default baseline), optionally edited, run by the pipeline as `bcid run` does. */
export function bundled(name = 'baseline', edit?: (s: RunScenario) => RunScenario): Promise<Fixture> {
  const key = `${name}|${edit ? edit.toString() : ''}`;
  let f = cache.get(key);
  if (!f) {
    f = (async () => {
      const loaded = loadRunInputs(name, projectPaths(REPO_ROOT));
      if (loaded.value === null) throw new Error(`cannot load ${name}: ${JSON.stringify(loaded.diagnostics)}`);
      const scenario = edit ? edit(loaded.value.resolved.scenario) : loaded.value.resolved.scenario;
      const run = await runLoaded({ ...loaded.value, resolved: { ...loaded.value.resolved, scenario } });
      const { inputs } = run;
      return { scenario, inputs, run, base: { ctx: run.prep.ctx, inputs, commitments: run.commitments, results: run.base } };
    })();
    cache.set(key, f);
  }
  return f;
}

/** A scenario with every random risk of the Monte Carlo switched off. */
export function risksOff(s: RunScenario): RunScenario {
  return {
    ...s,
    risk: {
      pd: { MLI: 0, BFA: 0, NER: 0 },
      nonSovereignDefaults: false,
      levy: { volatility: 0 },
      rates: { volatility: 0 },
      overruns: { enabled: false },
      delays: { enabled: false },
      fx: { annualProbability: 0 },
    },
  };
}
