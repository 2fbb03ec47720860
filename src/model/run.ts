/**
 * The model core, composed: appraisal → financing terms → allocation →
 * projection → members → checks. Pure: no files, no clock, no randomness;
 * the same inputs give the same results. Async only because HiGHS (optimal
 * method) and mathjs (scoring formula) are loaded lazily.
 */
import type { CompiledFormula } from '../formula/index.js';
import type { InputData } from '../schema/records.js';
import type { NamedScenario } from '../schema/scenario.js';
import { FORMULA_VARIABLES, appraise, ScoringError, type Appraisal } from './appraisal/appraise.js';
import { evaluate, type Evaluation } from './allocation/evaluate.js';
import { greedyAllocation, type GreedyResult } from './allocation/greedy.js';
import { AllocationInfeasible } from './allocation/infeasible.js';
import { stateOf } from './allocation/incremental.js';
import { buildAllocationModel, type AllocationModel } from './allocation/model.js';
import { partialReason, unfundedReason, yearsUpTo, type Reason } from './allocation/reasons.js';
import { portfolioValue } from './allocation/ranking.js';
import { bankRows } from './bank/rows.js';
import { runChecks } from './checks.js';
import { buildContext, yearArray, type RunContext } from './context.js';
import { memberDebtResults } from './members/index.js';
import type { Commitment } from './portfolio.js';
import { reflowRows } from './repayment/reflows.js';
import { capitalSettings } from './capital/settings.js';
import { callableCapital } from './capital/usable.js';
import { capacityResults } from './capacity/envelope.js';
import { projectFinancing, type ProjectFinancing } from './repayment/unit-flows.js';
import { RESULTS_VERSION, type AllocationRow, type RunResults, type SolverReport } from './results.js';
import { maturityGap } from './maturity-gap.js';

export interface RunOptions {
  readonly method?: 'greedy' | 'optimal';
  /** Receives the last MILP solved, in CPLEX LP format (optimal method only). */
  readonly onLp?: (lp: string) => void;
}

export interface PreparedRun {
  readonly ctx: RunContext;
  readonly appraisals: ReadonlyMap<string, Appraisal>;
  readonly financing: ReadonlyMap<string, ProjectFinancing>;
  readonly model: AllocationModel;
}

/** Everything before the allocation: context, appraisal (with the scoring formula, if any) and financing terms. */
export async function prepareRun(inputs: InputData, scenario: NamedScenario): Promise<PreparedRun> {
  const ctx = buildContext(inputs, scenario);
  let formula: CompiledFormula | undefined;
  if (scenario.appraisal.formula !== undefined) {
    const { compileFormula } = await import('../formula/index.js');
    const compiled = compileFormula(scenario.appraisal.formula, FORMULA_VARIABLES);
    if (!compiled.ok) {
      throw new ScoringError('', `appraisal.formula: ${compiled.message}${compiled.column ? ` (column ${compiled.column})` : ''}`);
    }
    formula = compiled.value;
  }
  const appraisals = new Map(appraise(inputs.projects, scenario.appraisal, formula).map((a) => [a.projectId, a]));
  const financing = new Map(inputs.projects.map((p) => [p.id, projectFinancing(p, scenario)]));
  const model = buildAllocationModel(ctx, inputs.projects, appraisals, financing);
  return { ctx, appraisals, financing, model };
}

function allocationRows(prep: PreparedRun, inputs: InputData, final: Evaluation): Omit<AllocationRow, 'grantElement' | 'concessional'>[] {
  const finalState = stateOf(prep.model, final);
  const byId = new Map(final.commitments.map((c) => [c.project.id, c]));
  const prefiltered = new Map(prep.model.prefiltered.map((p) => [p.project.id, p]));
  return inputs.projects.map((p) => {
    const a = prep.appraisals.get(p.id)!;
    const c = byId.get(p.id);
    const e = prep.model.byId.get(p.id);
    let reason: Reason | null = null;
    const pre = prefiltered.get(p.id);
    if (pre) {
      reason = {
        bindingLimit: pre.limit,
        shortfall: pre.shortfall,
        reason: `${pre.limit}: ${pre.reason}`,
        year: null,
        yearsTried: [],
      };
    } else if (e && !c) reason = unfundedReason(prep.model, final, e, finalState);
    else if (e && c) reason = partialReason(prep.model, final, e, c.year, c.amount);
    return {
      projectId: p.id,
      name: p.name,
      countries: p.countries,
      sector: p.sector,
      instrument: p.instrument,
      score: a.score,
      financialEconomicIndex: a.financialEconomicIndex,
      socialIntegrationIndex: a.socialIntegrationIndex,
      npv: a.npv,
      cost: a.cost,
      requested: p.bcidRequested,
      upliftedRequest: a.request,
      approved: c?.amount ?? 0,
      commitmentYear: c?.year ?? null,
      funded: c !== undefined,
      reason: reason?.reason ?? null,
      bindingLimit: reason?.bindingLimit ?? null,
      shortfall: reason?.shortfall ?? null,
      reasonYear: reason?.year ?? null,
      yearsTried: reason?.yearsTried ?? (e && c ? yearsUpTo(e, c.year) : []),
      fundedShare: c && a.request > 0 ? c.amount / a.request : 0,
    };
  });
}

/** Largest single project's exposure (loans + equity at cost) per year. */
export function largestProjectExposure(ctx: RunContext, commitments: readonly Commitment[]): Float64Array {
  const out = yearArray(ctx.years);
  for (const c of commitments) {
    const u = c.financing.flows;
    for (let t = 0; t < u.length; t++) {
      const i = c.year - ctx.years.start + t;
      if (i < 0 || i >= out.length) continue;
      out[i] = Math.max(out[i]!, c.amount * (u.loanBalance[t]! + u.equityHeld[t]!));
    }
  }
  return out;
}

/** A run with what the stress tests and the Monte Carlo need besides its results. */
export interface DetailedRun {
  readonly prep: PreparedRun;
  /** The funded commitments of the final allocation, in allocation order. */
  readonly commitments: readonly Commitment[];
  /** The plain run: no stress applied (the pipeline applies the scenario's `stresses`, src/pipeline/run.ts). */
  readonly base: RunResults;
}

/**
 * The model alone on inputs as given: the scenario's `stresses` and paid-in
 * delays are applied by the pipeline (src/pipeline/run.ts), which is what
 * `bcid run` and `runScenario` use.
 */
export async function runModel(inputs: InputData, scenario: NamedScenario, options: RunOptions = {}): Promise<RunResults> {
  return (await runModelDetailed(inputs, scenario, options)).base;
}

/** `runModel` with its allocation's commitments, which the stress runs hold fixed. */
export async function runModelDetailed(inputs: InputData, scenario: NamedScenario, options: RunOptions = {}): Promise<DetailedRun> {
  const prep = await prepareRun(inputs, scenario);
  const method = options.method ?? scenario.allocation.method;
  let greedy: GreedyResult | null = null;
  try {
    greedy = greedyAllocation(prep.model);
  } catch (e) {
    // The MILP may still find an allocation the greedy fill cannot; otherwise report why.
    if (!(e instanceof AllocationInfeasible) || method !== 'optimal') throw e;
  }
  let final = greedy?.evaluation ?? null;
  const score = (ev: Evaluation): number => portfolioValue(prep.model, ev.commitments);
  let solver: SolverReport & { readonly iterations: number; readonly notes: readonly string[]; readonly milpObjective: number | null };
  if (method === 'optimal') {
    const { optimalAllocation } = await import('./allocation/milp.js');
    const opt = await optimalAllocation(prep.model, greedy);
    if (options.onLp) {
      const { writeLp } = await import('./allocation/lp-writer.js');
      options.onLp(opt.problem ? writeLp(opt.problem) : '');
    }
    final = opt.evaluation;
    solver = {
      method,
      status: opt.status,
      objective: score(final),
      gap: opt.gap,
      seconds: opt.seconds,
      shadowPrices: opt.shadowPrices,
      marginalScorePerBillion: opt.shadowPrices ? Math.max(0, ...opt.shadowPrices.map((p) => p.perBillion)) : null,
      iterations: opt.iterations,
      milpObjective: opt.milpScore,
      notes: opt.notes,
    };
  } else {
    if (!final) throw new AllocationInfeasible('no allocation found');
    solver = {
      method,
      status: 'heuristic',
      objective: score(final),
      gap: null,
      seconds: 0,
      shadowPrices: null,
      marginalScorePerBillion: null,
      iterations: 1,
      milpObjective: null,
      notes: [],
    };
  }
  // Re-evaluate from scratch so that the reported projection does not depend on the path taken.
  final = evaluate(prep.model, final!.placements);
  const { ctx } = prep;
  const bank = bankRows(ctx.years, final.portfolio, final.projection, {
    equityToLoansFloor: scenario.policy.equityToLoansFloor,
    paidIn: ctx.funding.paidIn,
    levy: ctx.funding.levy,
    largestProjectExposure: largestProjectExposure(ctx, final.commitments),
    callable: callableCapital(ctx.funding, capitalSettings(scenario)),
    levyCountsAsCapital: capitalSettings(scenario).levyCountsAsCapital,
  });
  const { allocation, members, pricing } = memberDebtResults({ inputs, scenario, years: ctx.years, commitments: final.commitments, allocation: allocationRows(prep, inputs, final) });
  const reflows = reflowRows(final.commitments, ctx.years);
  const checks = runChecks({
    model: prep.model,
    bank,
    portfolio: final.portfolio,
    projection: final.projection,
    commitments: final.commitments,
    allocation,
    members,
  });
  const capacity = capacityResults({ ctx, named: final.commitments, largestProjectExposure: largestProjectExposure(ctx, final.commitments) });
  const maturity = maturityGap(final.commitments, ctx.years, bank, scenario.funding.borrowing);
  const base: RunResults = { version: RESULTS_VERSION, scenario, allocation, bank, members, pricing, reflows, solver, checks, maturityGap: maturity, capacity };
  return { prep, commitments: final.commitments, base };
}
