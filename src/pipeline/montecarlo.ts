/**
 * The Monte Carlo of a scenario run: its allocation held fixed, the seeded
 * random shocks drawn on `paths` paths (src/risk/README.md), then the summary
 * and the sensitivities. Deterministic for a seed, whatever the worker count.
 */
import { buildMcModel } from '../risk/mc-model.js';
import { riskSettings } from '../risk/calibration.js';
import { runMonteCarlo, type WorkerPool } from '../risk/montecarlo.js';
import { summarise, type RiskResults } from '../risk/results.js';
import { tornado } from '../risk/tornado.js';
import type { ScenarioRun } from './run.js';

export interface MonteCarloRunOptions {
  readonly paths: number;
  readonly seed: number;
  readonly pool: WorkerPool;
  readonly onProgress?: (done: number) => void;
  /** Called as each phase ends: for `bcid risk`'s performance.json. */
  readonly onPhase?: (phase: 'prepare' | 'simulate' | 'summarise') => void;
}

export interface MonteCarloOutcome {
  readonly results: RiskResults;
  /** Wall time of the simulation alone. */
  readonly simulationSeconds: number;
}

export async function monteCarloOf(run: ScenarioRun, options: MonteCarloRunOptions): Promise<MonteCarloOutcome> {
  const scenario = run.prep.ctx.scenario;
  const settings = riskSettings(scenario);
  const base = { ctx: run.prep.ctx, inputs: run.inputs, commitments: run.commitments, results: run.base };
  const build = buildMcModel(base, settings, { paths: options.paths, seed: options.seed });
  options.onPhase?.('prepare');
  const started = performance.now();
  const acc = await runMonteCarlo(build.model, options.pool, options.onProgress ? { onProgress: options.onProgress } : {});
  const simulationSeconds = (performance.now() - started) / 1000;
  options.onPhase?.('simulate');
  const { model } = build;
  const results = summarise({
    scenario,
    settings,
    acc,
    deterministic: build.deterministic,
    tornado: tornado(model.compiled, model.base, model.funding, model.params, settings),
    seed: options.seed,
    blockSize: model.blockSize,
  });
  options.onPhase?.('summarise');
  return { results, simulationSeconds };
}
