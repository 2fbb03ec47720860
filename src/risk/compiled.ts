/**
 * A run's fixed portfolio in the plain form the stress engine reads, built
 * once per run: per commitment its amount, timing, country shares and the unit
 * flows of its financing for each construction delay the shocks may ask for
 * (0 … maxDelay extra years, from the same financing code as the run). Plain
 * data and typed arrays only, so it crosses to worker threads by structured
 * clone and the workers never load the model, the allocation or canvas.
 */
import { MEMBER_CODES, type Instrument, type MemberCode, type Sector } from '../schema/codes.js';
import type { Project } from '../schema/records.js';
import type { Scenario } from '../schema/scenario.js';
import { bankPolicy, type BankPolicy } from '../model/bank/project.js';
import type { Calendar, RunContext } from '../model/context.js';
import { expectedLossRates, memberSplit, type Commitment } from '../model/portfolio.js';
import { capitalSettings } from '../model/capital/settings.js';
import type { RiskWeight } from '../model/capital/weights.js';
import { lendingRate } from '../model/repayment/terms.js';
import { projectFinancing, type UnitFlows } from '../model/repayment/unit-flows.js';

export const INSTRUMENT_INDEX: Readonly<Record<Instrument, number>> = { sovereign: 0, 'non-sovereign': 1, equity: 2 };

export interface CompiledProject {
  readonly id: string;
  readonly sector: Sector;
  readonly instrument: Instrument;
  /** 0 sovereign, 1 non-sovereign, 2 equity. */
  readonly instrumentIndex: number;
  readonly constructionYears: number;
  /** Commitment year − horizon start. */
  readonly offset: number;
  /** Approved amount, millions FCFA. */
  readonly amount: number;
  readonly countries: readonly { readonly member: MemberCode; readonly memberIndex: number; readonly share: number }[];
  /** Unit flows with d extra construction years at index d (index 0: the run's own). */
  readonly flows: readonly UnitFlows[];
  /** Risk weight of its exposure, with and without preferred-creditor treatment (model/capital/weights.ts). */
  readonly riskWeight?: RiskWeight;
  /** Member shares as (MLI, BFA, NER), what the portfolio's hot loop reads (model/portfolio.ts memberSplit). */
  readonly memberSplit?: Float64Array;
}

export interface CompiledRun {
  readonly years: Calendar;
  /** Funding inflows of the run (after the scenario's own paid-in delays). */
  readonly openingPaidIn: number;
  readonly paidIn: Float64Array;
  readonly levy: Float64Array;
  readonly policy: BankPolicy;
  readonly equityToLoansFloor: number;
  readonly countryExposureLimit: number;
  /** PD × LGD by instrument index: as the scenario says, and without preferred-creditor treatment. */
  readonly elBase: Float64Array;
  readonly elNoPcs: Float64Array;
  /** LGD by instrument index, as the scenario says and without PCS. */
  readonly lgdBase: Float64Array;
  readonly lgdNoPcs: Float64Array;
  /** Lending rate by instrument index (equity: 0), for rescheduled remainders. */
  readonly lendingRate: Float64Array;
  readonly foreignShare: number;
  /** Risk weights of defaulted exposures: each member's sovereign weight without PCS, and the non-sovereign weight. */
  readonly defaultedWeight?: { readonly sovereign: Float64Array; readonly nonSovereign: number };
  /** Levy part of `openingPaidIn`. */
  readonly openingLevy?: number;
  readonly projects: readonly CompiledProject[];
  readonly maxDelay: number;
  /** Non-sovereign defaults: years of workout before the loss is settled, and rescheduling years. */
  readonly nonSovereignWorkoutYears: number;
  readonly rescheduleYears: number;
}

export interface CompileOptions {
  /** Largest construction delay the shocks may ask for. */
  readonly maxDelay: number;
  readonly nonSovereignWorkoutYears: number;
  readonly rescheduleYears: number;
}

/** The financing of a project built over `extra` more years, from the run's own code. */
function delayedFlows(project: Project, scenario: Scenario, extra: number): UnitFlows {
  return projectFinancing({ ...project, constructionYears: Math.max(1, project.constructionYears) + extra }, scenario).flows;
}

export function compileRun(ctx: RunContext, commitments: readonly Commitment[], options: CompileOptions): CompiledRun {
  const { maxDelay } = options;
  const s = ctx.scenario;
  const base = expectedLossRates(s.credit);
  const noPcs = expectedLossRates({ ...s.credit, preferredCreditor: false });
  const byIndex = (r: Readonly<Record<Instrument, number>>) => new Float64Array([r.sovereign, r['non-sovereign'], r.equity]);
  const lgd = s.credit.preferredCreditor ? s.credit.lgd : s.credit.lgdWithoutPcs;
  const cap = capitalSettings(s);
  return {
    years: ctx.years,
    openingPaidIn: ctx.funding.openingPaidIn,
    paidIn: ctx.funding.paidIn.slice(),
    levy: ctx.funding.levy.slice(),
    policy: bankPolicy(s),
    equityToLoansFloor: s.policy.equityToLoansFloor,
    countryExposureLimit: s.policy.countryExposureLimit,
    elBase: byIndex(base),
    elNoPcs: byIndex(noPcs),
    lgdBase: byIndex(lgd),
    lgdNoPcs: byIndex(s.credit.lgdWithoutPcs),
    lendingRate: new Float64Array([lendingRate(s, s.lending.sovereign), lendingRate(s, s.lending['non-sovereign']), 0]),
    foreignShare: s.funding.borrowing.foreignCurrencyShare ?? 0,
    defaultedWeight: {
      sovereign: new Float64Array(MEMBER_CODES.map((m) => cap.sovereignByRating[cap.memberRatings[m]])),
      nonSovereign: cap.nonSovereign,
    },
    openingLevy: ctx.funding.openingLevy ?? 0,
    maxDelay,
    nonSovereignWorkoutYears: options.nonSovereignWorkoutYears,
    rescheduleYears: options.rescheduleYears,
    projects: commitments.map((c) => ({
      id: c.project.id,
      sector: c.project.sector,
      instrument: c.project.instrument,
      instrumentIndex: INSTRUMENT_INDEX[c.project.instrument],
      constructionYears: c.project.constructionYears,
      offset: c.year - ctx.years.start,
      amount: c.amount,
      countries: c.project.countries.map((x) => ({ member: x.member, memberIndex: MEMBER_CODES.indexOf(x.member), share: x.share })),
      flows: [c.financing.flows, ...Array.from({ length: maxDelay }, (_, d) => delayedFlows(c.project, s, d + 1))],
      riskWeight: c.financing.riskWeight,
      memberSplit: memberSplit(c.project.countries),
    })),
  };
}

/** Funding inflows with further paid-in delays per member (late capital calls). */
export interface Funding {
  readonly openingPaidIn: number;
  /** Levy part of `openingPaidIn` (0 when absent). */
  readonly openingLevy?: number;
  readonly paidIn: Float64Array;
  readonly levy: Float64Array;
}

export function baseFunding(c: CompiledRun): Funding {
  return { openingPaidIn: c.openingPaidIn, openingLevy: c.openingLevy, paidIn: c.paidIn, levy: c.levy };
}

