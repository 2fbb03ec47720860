import { z } from 'zod';

/**
 * The settings of issue 17 (allocation that a development economist would
 * defend): what the allocation maximises, and the return a project must
 * clear. All optional: a scenario without them gets the defaults below.
 */

/** What both allocation methods maximise (src/model/allocation/objective.ts). */
export const OBJECTIVES = ['npv-per-capital', 'ipf-score'] as const;
export type AllocationObjective = (typeof OBJECTIVES)[number];
export const DEFAULT_OBJECTIVE: AllocationObjective = 'npv-per-capital';

/**
 * Weight of the social-integration value on the economic NPV (npv-per-capital):
 * a project's value is NPV × (1 + socialWeight × social value, 0–1). 0.25: a
 * project at the top of every social criterion counts its NPV 25 % higher;
 * the economic NPV stays the main term, as in the World Bank IPF where the
 * social-environmental index is the second axis, not a substitute for returns.
 */
export const DEFAULT_SOCIAL_WEIGHT = 0.25;

export const objectiveSchema = z
  .enum(OBJECTIVES)
  .optional()
  .describe('npv-per-capital (default): economic NPV per franc of capital consumed; ipf-score: the min-max IPF score per FCFA');

export const socialWeightSchema = z
  .number()
  .min(0)
  .max(10)
  .optional()
  .describe('npv-per-capital: weight of the social-integration value (0-1) on the economic NPV; default 0.25');

export const minEirrSchema = z
  .number()
  .min(-0.5)
  .max(1)
  .optional()
  .describe('return hurdle: projects whose EIRR (after the cost uplift) is below it are not funded unless pinned; default: the discount rate');
