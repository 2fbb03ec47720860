/**
 * Appraisal and scoring of the whole pipeline, after the World Bank
 * Infrastructure Prioritization Framework (docs/domain-facts.md §6):
 * - financial-economic index (FEI): EIRR, FIRR (0 when absent) and economic NPV;
 * - social-integration index (SEI): jobs, population served, regional
 *   integration and readiness;
 * each criterion min-max normalised over all projects of the input, weights
 * within an index rescaled to sum to 1, score = weighted mean of FEI and SEI
 * (combine weights rescaled too), so every score lies in 0–1.
 *
 * With `appraisal.formula` the score is the formula instead, evaluated on the
 * raw figures (eirr, firr as decimals after the cost uplift; npv and cost in
 * millions FCFA after the uplift; jobs; population = persons served;
 * integration 0–1; readiness 1–5) and on the two indices fei and sei.
 */
import type { CompiledFormula } from '../../formula/index.js';
import type { Project } from '../../schema/records.js';
import type { Scenario } from '../../schema/scenario.js';
import { appraiseFlow } from './economic.js';
import { minMax, weightedIndex } from './normalise.js';
import { upliftFactor } from './reference-classes.js';

/** The variables a scoring formula may use (one list, shared with validate/). */
export { FORMULA_VARIABLES } from '../../formula/score-variables.js';

export interface Appraisal {
  readonly projectId: string;
  /** Reference-class factor applied to costs (1 without uplift). */
  readonly uplift: number;
  /** Total cost after the uplift, millions FCFA. */
  readonly cost: number;
  /** Amount asked of the bank after the uplift: bcidRequested × uplift. */
  readonly request: number;
  /** EIRR of the uplifted economic flow. */
  readonly eirr: number;
  /** FIRR after the uplift; null when the project has none. */
  readonly firr: number | null;
  /** Economic NPV at the scenario discount rate, millions FCFA. */
  readonly npv: number;
  readonly financialEconomicIndex: number;
  readonly socialIntegrationIndex: number;
  readonly score: number;
}

/** A formula that cannot be evaluated for a project: the scenario is at fault (exit 1 in the CLI). */
export class ScoringError extends Error {
  override readonly name = 'ScoringError';
  constructor(
    readonly projectId: string,
    message: string,
  ) {
    super(message);
  }
}

export function appraise(projects: readonly Project[], settings: Scenario['appraisal'], formula?: CompiledFormula): Appraisal[] {
  const raw = projects.map((p) => {
    const uplift = upliftFactor(p.sector, settings.costUplift);
    const shape = { constructionYears: Math.max(1, p.constructionYears), economicLife: Math.max(1, p.economicLife) };
    const econ = appraiseFlow(p.totalCost, p.eirr, uplift, settings.discountRate, shape);
    const firr = p.firr === null ? null : appraiseFlow(p.totalCost, p.firr, uplift, settings.discountRate, shape).upliftedRate;
    return { p, uplift, eirr: econ.upliftedRate, firr, npv: econ.npv };
  });
  const norm = {
    eirr: minMax(raw.map((r) => r.eirr)),
    firr: minMax(raw.map((r) => r.firr ?? 0)),
    npv: minMax(raw.map((r) => r.npv)),
    jobs: minMax(raw.map((r) => r.p.jobs)),
    population: minMax(raw.map((r) => r.p.populationServed)),
    integration: minMax(raw.map((r) => r.p.integration)),
    readiness: minMax(raw.map((r) => r.p.readiness)),
  };
  const w = settings.weights;
  return raw.map((r, i) => {
    const at = (xs: readonly number[]): number => xs[i] ?? 0;
    const fei = weightedIndex([
      [w.financialEconomic.eirr, at(norm.eirr)],
      [w.financialEconomic.firr, at(norm.firr)],
      [w.financialEconomic.npv, at(norm.npv)],
    ]);
    const sei = weightedIndex([
      [w.socialIntegration.jobs, at(norm.jobs)],
      [w.socialIntegration.population, at(norm.population)],
      [w.socialIntegration.integration, at(norm.integration)],
      [w.socialIntegration.readiness, at(norm.readiness)],
    ]);
    const cost = r.p.totalCost * r.uplift;
    let score = weightedIndex([
      [w.combine.financialEconomic, fei],
      [w.combine.socialIntegration, sei],
    ]);
    if (formula) {
      const result = formula.evaluate({
        fei,
        sei,
        eirr: r.eirr,
        firr: r.firr ?? 0,
        npv: r.npv,
        jobs: r.p.jobs,
        population: r.p.populationServed,
        integration: r.p.integration,
        readiness: r.p.readiness,
        cost,
      });
      if (!result.ok) throw new ScoringError(r.p.id, `scoring formula, project ${r.p.id}: ${result.message}`);
      score = result.value;
    }
    return {
      projectId: r.p.id,
      uplift: r.uplift,
      cost,
      request: r.p.bcidRequested * r.uplift,
      eirr: r.eirr,
      firr: r.firr,
      npv: r.npv,
      financialEconomicIndex: fei,
      socialIntegrationIndex: sei,
      score,
    };
  });
}
