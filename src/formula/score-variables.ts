/**
 * The variables a scoring formula (`appraisal.formula`) may use, as the model
 * computes them per project (src/model/appraisal/appraise.ts): fei and sei are
 * the two indices 0–1; eirr and firr decimals after the cost uplift; npv and cost
 * millions FCFA after the uplift; jobs; population = persons served;
 * integration 0–1; readiness 1–5. Here, below validate/ and model/, so that both
 * check a formula against the same list.
 */
export const FORMULA_VARIABLES = ['fei', 'sei', 'eirr', 'firr', 'npv', 'jobs', 'population', 'integration', 'readiness', 'cost'] as const;
