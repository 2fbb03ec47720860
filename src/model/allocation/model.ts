/**
 * Everything the allocation methods share, prepared once per run: the
 * eligible projects with their candidate commitment years, amounts and unit
 * flows, and the pre-filter verdicts for the others.
 *
 * Candidate years run from max(earliestStart, firstCommitmentYear,
 * horizon start) to min(lastCommitmentYear, horizon end). The amount of a
 * project committed in year y is
 *   min(request × uplift, debt capacity, singleProjectLimit × equity at the end of y−1);
 * the last term depends on the portfolio and is resolved in `evaluate.ts`.
 */
import type { Project } from '../../schema/records.js';
import type { Appraisal } from '../appraisal/appraise.js';
import type { RunContext } from '../context.js';
import { bankPolicy, type BankPolicy } from '../bank/project.js';
import { expectedLossRates } from '../portfolio.js';
import type { FundingLimit } from '../results.js';
import type { ProjectFinancing } from '../repayment/unit-flows.js';
import type { Instrument } from '../../schema/codes.js';
import { AllocationInfeasible } from './infeasible.js';
import { minEirrOf, objectiveOf, projectValue } from './objective.js';

export interface Eligible {
  readonly project: Project;
  readonly appraisal: Appraisal;
  readonly financing: ProjectFinancing;
  /** Candidate commitment years, ascending (non-empty). */
  readonly years: readonly number[];
  /** min(request × uplift, debt capacity): the most the bank could commit, before the single-project limit. */
  readonly maxAmount: number;
  /** What funding it in full at its earliest year is worth to the objective (objective.ts). */
  readonly value: number;
  readonly pinned: boolean;
}

/** The bank's limits, plus the project's own debt capacity (CFADS at the target DSCR), which is no bank limit. */
export type AllocationLimit = FundingLimit | 'debt-capacity';

export interface Prefiltered {
  readonly project: Project;
  readonly limit: AllocationLimit;
  readonly shortfall: number | null;
  readonly reason: string;
}

export interface AllocationModel {
  readonly ctx: RunContext;
  readonly eligible: readonly Eligible[];
  readonly byId: ReadonlyMap<string, Eligible>;
  readonly prefiltered: readonly Prefiltered[];
  readonly elRates: Readonly<Record<Instrument, number>>;
  /** Project id → position in `eligible` (the incremental evaluator's index). */
  readonly ordinal: ReadonlyMap<string, number>;
  /** The bank's policy, read once from the scenario. */
  readonly policy: BankPolicy;
}

export function candidateYears(p: Project, ctx: RunContext): number[] {
  const a = ctx.scenario.allocation;
  const from = Math.max(p.earliestStart, a.firstCommitmentYear, ctx.years.start);
  const to = Math.min(a.lastCommitmentYear, ctx.years.end);
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

export function buildAllocationModel(
  ctx: RunContext,
  projects: readonly Project[],
  appraisals: ReadonlyMap<string, Appraisal>,
  financing: ReadonlyMap<string, ProjectFinancing>,
): AllocationModel {
  const s = ctx.scenario;
  const pinned = new Set(s.allocation.pinned);
  const excluded = new Set(s.allocation.excluded);
  const known = new Set(projects.map((p) => p.id));
  const hurdle = minEirrOf(s);
  const byNpv = objectiveOf(s) === 'npv-per-capital';
  const unknownPins = [...pinned].filter((id) => !known.has(id));
  if (unknownPins.length > 0) {
    throw new AllocationInfeasible(`pinned project(s) ${unknownPins.join(', ')} are not in the project list`, unknownPins);
  }
  const eligible: Eligible[] = [];
  const prefiltered: Prefiltered[] = [];
  const impossiblePins: { readonly id: string; readonly why: string }[] = [];
  for (const p of projects) {
    const appraisal = appraisals.get(p.id)!;
    const fin = financing.get(p.id)!;
    const isPinned = pinned.has(p.id);
    const years = candidateYears(p, ctx);
    const maxAmount = Math.min(appraisal.request, fin.capacity);
    const value = projectValue(s, appraisal);
    let verdict: Prefiltered | null = null;
    if (excluded.has(p.id)) {
      verdict = { project: p, limit: 'excluded', shortfall: null, reason: 'excluded by the scenario' };
    } else if (p.readiness < s.policy.minReadiness) {
      verdict = {
        project: p,
        limit: 'readiness',
        shortfall: s.policy.minReadiness - p.readiness,
        reason: `readiness ${p.readiness} is below the minimum of ${s.policy.minReadiness}`,
      };
    } else if (years.length === 0) {
      verdict = {
        project: p,
        limit: 'horizon',
        shortfall: null,
        reason: `earliest start ${p.earliestStart} is outside the commitment window ${Math.max(s.allocation.firstCommitmentYear, ctx.years.start)}–${Math.min(s.allocation.lastCommitmentYear, ctx.years.end)}`,
      };
    } else if (!(maxAmount > 0)) {
      verdict = {
        project: p,
        limit: 'debt-capacity',
        shortfall: appraisal.request,
        reason: 'the project cash flow (CFADS) carries no debt at the target DSCR',
      };
    } else if (appraisal.eirr < hurdle && !isPinned) {
      verdict = {
        project: p,
        limit: 'below-hurdle',
        shortfall: hurdle - appraisal.eirr,
        reason: `its economic return (EIRR ${pct(appraisal.eirr)}${appraisal.uplift !== 1 ? ' after the cost uplift' : ''}) is below the hurdle of ${pct(hurdle)} (appraisal.minEirr): its economic NPV at ${pct(s.appraisal.discountRate)} is ${Math.round(appraisal.npv).toLocaleString('en-US')} million FCFA`,
      };
    } else if (value < 0 && !isPinned) {
      verdict = byNpv
        ? { project: p, limit: 'score', shortfall: null, reason: `its economic NPV at ${pct(s.appraisal.discountRate)} is negative (${Math.round(appraisal.npv).toLocaleString('en-US')} million FCFA): funding it lowers the objective` }
        : { project: p, limit: 'score', shortfall: null, reason: `the scoring formula gives a negative score (${appraisal.score.toPrecision(3)}): not worth funding` };
    }
    if (verdict) {
      if (isPinned) impossiblePins.push({ id: p.id, why: verdict.reason });
      prefiltered.push(verdict);
    } else {
      eligible.push({ project: p, appraisal, financing: fin, years, maxAmount, value, pinned: isPinned });
    }
  }
  if (impossiblePins.length > 0) {
    throw new AllocationInfeasible(
      `pinned project(s) cannot be funded: ${impossiblePins.map((x) => `${x.id} (${x.why})`).join('; ')}`,
      impossiblePins.map((x) => x.id),
      prefiltered.find((v) => v.project.id === impossiblePins[0]!.id)?.limit ?? null,
    );
  }
  return {
    ctx,
    eligible,
    byId: new Map(eligible.map((e) => [e.project.id, e])),
    prefiltered,
    elRates: expectedLossRates(s.credit),
    ordinal: new Map(eligible.map((e, k) => [e.project.id, k])),
    policy: bankPolicy(s),
  };
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)} %`;
}
