/**
 * The run half of the pipeline: the scenario's paid-in timing, the model, the
 * scenario's named stresses on its own allocation, then the invariant checks.
 * The only place where `funding.paidInDelayYears` is applied, so `bcid run`,
 * `bcid risk`, `bcid compare` and the library's `runScenario` see the same run.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedRun } from '../io/load-run-inputs.js';
import { AllocationInfeasible } from '../model/allocation/infeasible.js';
import { ScoringError } from '../model/appraisal/appraise.js';
import { assertChecks } from '../model/checks.js';
import type { RunResults } from '../model/results.js';
import { runModelDetailed, type DetailedRun, type RunOptions } from '../model/run.js';
import { stressedResults } from '../risk/stress-run.js';
import type { InputData } from '../schema/records.js';
import type { NamedScenario } from '../schema/scenario.js';
import { delayPaidIn } from '../shocks/paid-in-delay.js';

export type { RunOptions } from '../model/run.js';

/** A scenario run, with what the stress tests and the Monte Carlo start from. */
export interface ScenarioRun extends DetailedRun {
  /** The inputs as the model saw them: contributions with the scenario's paid-in delays. */
  readonly inputs: InputData;
  /** What `bcid run` writes to results.json: `base` with the scenario's `stresses` applied. */
  readonly results: RunResults;
}

/** The contributions as the scenario times them: each member's paid-in capital shifted by its `funding.paidInDelayYears`. */
export function withPaidInTiming(inputs: InputData, scenario: NamedScenario): InputData {
  return { ...inputs, contributions: delayPaidIn(inputs.contributions, scenario.funding.paidInDelayYears ?? {}) };
}

/**
 * A scenario that no allocation can satisfy, or whose scoring formula fails on
 * the data, is the analyst's to fix: raised as this, carrying a diagnostic that
 * points at the scenario key.
 */
export class ScenarioProblem extends Error {
  override readonly name = 'ScenarioProblem';
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

function scenarioProblem(e: unknown, loaded: LoadedRun): unknown {
  if (!(e instanceof AllocationInfeasible) && !(e instanceof ScoringError)) return e;
  const infeasible = e instanceof AllocationInfeasible;
  const at = loaded.resolved.locate(infeasible ? ['allocation', 'pinned'] : ['appraisal', 'formula']);
  return new ScenarioProblem(
    diagnostic({
      ...at,
      code: infeasible ? 'allocation-infeasible' : 'formula-failed',
      field: infeasible ? 'allocation.pinned' : 'appraisal.formula',
      message: infeasible ? `no allocation satisfies the scenario: ${e.message}` : `the scoring formula fails: ${e.message}`,
      hint: infeasible ? 'unpin a project or relax the limit named above' : 'check the formula against the variables listed in scenarios/baseline.yaml',
    }),
  );
}

/**
 * Runs a loaded scenario. Throws `ScenarioProblem` for an infeasible allocation or
 * a failing formula, and `InvariantViolation` when an accounting identity breaks.
 */
export async function runLoaded(loaded: LoadedRun, options: RunOptions = {}): Promise<ScenarioRun> {
  const { scenario } = loaded.resolved;
  const inputs = withPaidInTiming(loaded.inputs, scenario);
  let run: DetailedRun;
  try {
    run = await runModelDetailed(inputs, scenario, options);
  } catch (e) {
    throw scenarioProblem(e, loaded);
  }
  const stresses = scenario.stresses ?? [];
  const results =
    stresses.length === 0 ? run.base : stressedResults({ ctx: run.prep.ctx, inputs, commitments: run.commitments, results: run.base }, stresses);
  assertChecks(results.checks);
  return { ...run, inputs, results };
}
