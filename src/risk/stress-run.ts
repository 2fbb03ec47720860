/**
 * A scenario's named stresses applied to its own allocation, held fixed: the
 * portfolio the bank chose is committed, and the shocks hit it ("what happens to
 * the bank if things go wrong with the portfolio we chose?"). The allocation is
 * made as for the scenario without its stresses; the stressed projection,
 * members' indicators and reflows replace the plain ones in the results, whose
 * checks are then the accounting identities of the stressed projection (the bank's
 * limits are what a stress test measures, not an invariant).
 */
import { MEMBER_CODES, type MemberCode, type Sector } from '../schema/codes.js';
import type { InputData } from '../schema/records.js';
import { bankRows } from '../model/bank/rows.js';
import { buildContext, type RunContext } from '../model/context.js';
import { largestProjectExposure } from '../model/run.js';
import { memberRows } from '../model/members/index.js';
import type { Commitment } from '../model/portfolio.js';
import { projectFinancing } from '../model/repayment/unit-flows.js';
import { RESULTS_VERSION, type RunResults } from '../model/results.js';
import { REFERENCE_CLASSES, upliftFactor } from '../model/appraisal/reference-classes.js';
import { delayPaidIn } from '../shocks/paid-in-delay.js';
import { shocksFor } from '../shocks/apply.js';
import type { StressContext } from '../shocks/context.js';
import type { ShockSet } from '../shocks/shock-set.js';
import { expectedDelayYears, riskSettings, type RiskSettings } from './calibration.js';
import { baseFunding, compileRun, type CompiledRun, type Funding } from './compiled.js';
import { sovereignExposureByMember } from './exposure.js';
import { maturityGap } from '../model/maturity-gap.js';
import { identityChecks } from './identities.js';
import { reflowRows } from '../model/repayment/reflows.js';
import { PathWorkspace, runPath, type PathResult } from './path.js';

/** What a stress run needs from the plain run. */
export interface StressBase {
  readonly ctx: RunContext;
  readonly inputs: InputData;
  readonly commitments: readonly Commitment[];
  readonly results: RunResults;
}

export function stressContext(ctx: RunContext, commitments: readonly Commitment[], settings: RiskSettings): StressContext {
  const uplift = ctx.scenario.appraisal.costUplift;
  return {
    years: { start: ctx.years.start, count: ctx.years.count },
    projects: commitments.map((c) => ({
      id: c.project.id,
      sector: c.project.sector,
      instrument: c.project.instrument,
      constructionYears: c.project.constructionYears,
      overrunRoom: c.amount > 0 ? Math.max(1, c.financing.capacity / c.amount) : 1,
    })),
    appliedUplift: (sector: Sector) => upliftFactor(sector, uplift),
    referenceUplift: (sector: Sector, level: 'p50' | 'p80') => REFERENCE_CLASSES[sector][level],
    overrunFinancingCap: settings.overruns.financingCap,
    expectedDelay: (p) => expectedDelayYears(settings, p.sector, p.constructionYears),
    rescheduleYears: settings.rescheduleYears,
    members: MEMBER_CODES,
    sovereignExposure: (() => {
      const e = sovereignExposureByMember(commitments, ctx.years.start, ctx.years.count);
      return (m: MemberCode, i: number) => e[m][i] ?? 0;
    })(),
  };
}

/** Funding inflows with the shock set's extra paid-in delays (late capital calls). */
export function stressedFunding(base: StressBase, compiled: CompiledRun, shocks: ShockSet): Funding {
  const delays: Partial<Record<MemberCode, number>> = {};
  let any = false;
  for (const m of MEMBER_CODES) {
    if (shocks.paidInDelay[m] !== 0) {
      delays[m] = shocks.paidInDelay[m];
      any = true;
    }
  }
  if (!any) return baseFunding(compiled);
  const ctx = buildContext({ ...base.inputs, contributions: delayPaidIn(base.inputs.contributions, delays) }, base.ctx.scenario);
  return { openingPaidIn: ctx.funding.openingPaidIn, openingLevy: ctx.funding.openingLevy ?? 0, paidIn: ctx.funding.paidIn, levy: ctx.funding.levy };
}

/** The commitments as the shocks leave them: amounts scaled, construction lengthened. */
export function stressedCommitments(base: StressBase, shocks: ShockSet): Commitment[] {
  return base.commitments.map((c, k) => {
    const delay = shocks.delayYears[k]!;
    const factor = shocks.amountFactor[k]!;
    if (delay === 0 && factor === 1) return c;
    const project = delay === 0 ? c.project : { ...c.project, constructionYears: Math.max(1, c.project.constructionYears) + delay };
    const financing = delay === 0 ? c.financing : projectFinancing(project, base.ctx.scenario);
    return { project, financing, year: c.year, amount: c.amount * factor };
  });
}

export interface StressedRun {
  readonly results: RunResults;
  readonly shocks: ShockSet;
  readonly path: PathResult;
}

/** Runs a shock set on the base run's fixed allocation and builds full results. */
export function runShocks(base: StressBase, shocks: ShockSet, settings: RiskSettings = riskSettings(base.ctx.scenario)): StressedRun {
  let maxDelay = 0;
  for (const d of shocks.delayYears) maxDelay = Math.max(maxDelay, d);
  const compiled = compileRun(base.ctx, base.commitments, {
    maxDelay,
    nonSovereignWorkoutYears: settings.nonSovereignWorkoutYears,
    rescheduleYears: settings.rescheduleYears,
  });
  const funding = stressedFunding(base, compiled, shocks);
  const ws = new PathWorkspace(base.ctx.years.count + 1);
  const path = runPath(compiled, shocks, funding, ws);
  const { ctx } = base;
  const scenario = ctx.scenario;
  const commitments = stressedCommitments(base, shocks);
  const bank = bankRows(ctx.years, path.portfolio, path.projection, {
    equityToLoansFloor: scenario.policy.equityToLoansFloor,
    paidIn: funding.paidIn,
    levy: path.levy,
    largestProjectExposure: largestProjectExposure(ctx, commitments),
  });
  const results: RunResults = {
    version: RESULTS_VERSION,
    scenario,
    allocation: base.results.allocation,
    bank,
    members: memberRows(commitments, base.inputs.members, scenario, ctx.years, { paths: base.inputs.memberDebtPaths ?? [], stresses: scenario.stresses ?? [] }),
    pricing: base.results.pricing,
    reflows: reflowRows(commitments, ctx.years, 'unit-flows'),
    solver: base.results.solver,
    checks: identityChecks(path.portfolio, path.projection, funding.paidIn, path.levy),
    maturityGap: maturityGap(commitments, ctx.years, bank, scenario.funding.borrowing),
  };
  return { results, shocks, path };
}

/** The scenario's named stresses on its own allocation. */
export function stressedResults(base: StressBase, names: readonly string[]): RunResults {
  const settings = riskSettings(base.ctx.scenario);
  const shocks = shocksFor(names, stressContext(base.ctx, base.commitments, settings));
  return runShocks(base, shocks, settings).results;
}
