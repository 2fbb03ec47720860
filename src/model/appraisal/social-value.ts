/**
 * The social-integration value of a project on a fixed scale (0–1), for the
 * npv-per-capital objective. Unlike the IPF index (min-max over the
 * pipeline), a project's value does not depend on which other projects are
 * in the list, and it does not change when the project is scaled: jobs and
 * population enter per bn FCFA of (uplifted) cost, so a project twice the
 * size with twice the jobs and twice the people served has the same value.
 *
 * Criteria, each 0–1, combined with the scenario's socialIntegration weights
 * (rescaled to sum to 1):
 * - jobs per bn FCFA of cost, x / (x + JOBS_PER_BILLION_ANCHOR);
 * - persons served per bn FCFA of cost, x / (x + POPULATION_PER_BILLION_ANCHOR);
 * - regional integration, already 0–1;
 * - readiness, (readiness − 1) / 4 on its 1–5 scale.
 * A project at an anchor scores 1/2 on that criterion. The anchors are the
 * medians of the bundled pipeline (data/projects.csv: 14.6 jobs and 6,074
 * persons per bn FCFA of cost), rounded and fixed here so that they do not
 * move with the input.
 */
import type { Project } from '../../schema/records.js';
import type { Scenario } from '../../schema/scenario.js';
import { weightedIndex } from './normalise.js';

export const JOBS_PER_BILLION_ANCHOR = 15;
export const POPULATION_PER_BILLION_ANCHOR = 6000;

const saturating = (x: number, anchor: number): number => (x > 0 ? x / (x + anchor) : 0);

export function socialValue(p: Project, upliftedCost: number, weights: Scenario['appraisal']['weights']['socialIntegration']): number {
  const billions = upliftedCost / 1000;
  const perBillion = (x: number): number => (billions > 0 ? x / billions : 0);
  return weightedIndex([
    [weights.jobs, saturating(perBillion(p.jobs), JOBS_PER_BILLION_ANCHOR)],
    [weights.population, saturating(perBillion(p.populationServed), POPULATION_PER_BILLION_ANCHOR)],
    [weights.integration, Math.min(1, Math.max(0, p.integration))],
    [weights.readiness, Math.min(1, Math.max(0, (p.readiness - 1) / 4))],
  ]);
}
