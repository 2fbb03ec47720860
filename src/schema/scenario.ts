import { z } from 'zod';
import { INSTRUMENTS, MEMBER_CODES, SECTORS } from './codes.js';
import { capacitySchema, capitalSchema, centralCaseSchema, minRiskAdjustedCapitalSchema } from './capital.js';
import { memberDebtSettings } from './member-debt.js';
import { parseStress, STRESS_EXAMPLES, STRESS_FORMS, suggestStress } from './stress-names.js';
import { minEirrSchema, objectiveSchema, socialWeightSchema } from './allocation-objective.js';

/**
 * The scenario an analyst edits in YAML. One schema serves three purposes:
 * validation in `bcid validate`, the TypeScript type of the resolved scenario,
 * and the committed JSON Schema that gives editors autocomplete.
 * Units: amounts in millions of FCFA; rates and shares as decimals.
 */

const rate = (what: string) => z.number().min(-0.5).max(1).describe(what);
const share = (what: string) => z.number().min(0).max(1).describe(what);
const year = z.number().int().min(2000).max(2100);
const money = (what: string) => z.number().min(0).describe(`${what} (millions FCFA)`);

const repaymentProfileStep = z.strictObject({
  from: z.number().int().min(1).describe('first loan year of the step'),
  to: z.number().int().min(1).describe('last loan year of the step'),
  pct: z.number().min(0).max(100).describe('percent of the end-of-grace balance repaid each year'),
});

export const loanTermsSchema = z
  .strictObject({
    years: z.number().int().min(1).max(60).describe('maturity in years, grace included'),
    grace: z.number().int().min(0).max(30).describe('years of grace before principal is repaid'),
    method: z.enum(['annuity', 'linear', 'bullet', 'custom', 'sculpted']).describe('repayment profile'),
    spread: rate('margin over the bank cost of funds (decimal per year)'),
    frontEndFee: share('front-end fee on the amount, at signing'),
    commitmentFee: share('commitment fee per year on the undrawn amount'),
    capitalize: z.boolean().optional().describe('capitalise interest during grace instead of paying it'),
    targetDscr: z.number().min(1).max(5).optional().describe('target debt-service cover for sculpted loans'),
    profile: z.array(repaymentProfileStep).optional().describe('custom repayment steps'),
  })
  .describe('lending terms for one instrument');

export const equityTermsSchema = z.strictObject({
  dividendYield: share('dividend received per year, as a share of the amount invested'),
  holdingYears: z.number().int().min(1).max(40).describe('years before the stake is sold'),
  exitMultiple: z.number().min(0).max(10).describe('sale price as a multiple of the amount invested'),
});

const memberNumbers = (what: string) =>
  z.strictObject(Object.fromEntries(MEMBER_CODES.map((m) => [m, rate(`${what}, ${m}`)])) as Record<
    (typeof MEMBER_CODES)[number],
    ReturnType<typeof rate>
  >);

const instrumentNumbers = (what: string) =>
  z.strictObject(Object.fromEntries(INSTRUMENTS.map((i) => [i, share(`${what}, ${i}`)])) as Record<
    (typeof INSTRUMENTS)[number],
    ReturnType<typeof share>
  >);

const sectorEnum = z.enum(SECTORS);

/**
 * A stress name from the catalogue (src/schema/stress-names.ts). An unknown name is
 * reported as an invalid value listing the forms, with the closest valid name first,
 * so `bcid validate` says "did you mean …".
 */
const stressName = z
  .string()
  .superRefine((value, ctx) => {
    if (parseStress(value) !== null) return;
    const suggestion = suggestStress(value);
    ctx.addIssue({
      code: 'invalid_value',
      values: suggestion ? [suggestion, ...STRESS_EXAMPLES.filter((e) => e !== suggestion)] : [...STRESS_EXAMPLES],
      input: value,
      message: `unknown stress "${value}"; forms: ${STRESS_FORMS.join(', ')}`,
    });
  })
  .describe(`a named shock: ${STRESS_FORMS.join(', ')}`);

const overrunMean = z.number().min(0.5).max(5).describe('mean cost overrun factor of the class (1.20 = +20 %)');
/** A class's mean and one more figure to fit its lognormal to (src/risk/overrun-classes.ts). */
const overrunClass = z.union([
  z.strictObject({ mean: overrunMean, sd: z.number().min(0).max(5).describe('standard deviation of the factor') }),
  z.strictObject({ mean: overrunMean, p80: z.number().min(0.5).max(5).describe('80th percentile of the factor') }),
  z.strictObject({ mean: overrunMean, overBudgetShare: z.number().gt(0).lt(1).describe('share of the class’s projects over budget') }),
]);

/**
 * Monte Carlo calibration (`bcid risk`) and the parameters the named stresses
 * share. Every key is optional: src/risk/calibration.ts holds the defaults and
 * their sources (docs/domain-facts.md §3.4 and §5).
 */
const riskSchema = z
  .strictObject({
    paths: z.number().int().min(1).max(10_000_000).optional().describe('default number of Monte Carlo paths'),
    correlation: share('ρ of the one-factor Gaussian copula of member defaults (docs/domain-facts.md §3.4: ≥ 0.5)').optional(),
    pd: z
      .union([
        z.literal('credit'),
        z.strictObject(Object.fromEntries(MEMBER_CODES.map((m) => [m, share(`annual probability of default, ${m}`)])) as Record<(typeof MEMBER_CODES)[number], ReturnType<typeof share>>),
      ])
      .optional()
      .describe('annual sovereign PD per member, or "credit": the credit section’s sovereign PD (with or without PCS)'),
    lgd: z
      .union([z.literal('credit'), share('loss given default on sovereign loans')])
      .optional()
      .describe('LGD on a member’s sovereign loans at resolution, or "credit"'),
    arrearsYears: z.number().int().min(0).max(20).optional().describe('years in arrears before resolution (GEMs median just over 3)'),
    rescheduleYears: z.number().int().min(1).max(40).optional().describe('years over which the recovered remainder is repaid'),
    nonSovereignDefaults: z.boolean().optional().describe('simulate defaults of non-sovereign borrowers too (PD and LGD from credit)'),
    levy: z
      .strictObject({
        volatility: z.number().min(0).max(2).optional().describe('σ of the log of the levy factor'),
        persistence: z.number().min(0).max(0.99).optional().describe('year-to-year autocorrelation of the log levy factor'),
        correlation: z.number().min(-1).max(1).optional().describe('loading of the levy on the systemic factor of defaults'),
      })
      .optional(),
    rates: z
      .strictObject({
        volatility: z.number().min(0).max(0.2).optional().describe('standard deviation of the shift in the coupon of new bank bonds'),
        persistence: z.number().min(0).max(0.99).optional().describe('year-to-year autocorrelation of the shift'),
      })
      .optional(),
    overruns: z
      .strictObject({
        enabled: z.boolean().optional(),
        financingCap: z.number().min(0.5).max(5).optional().describe('largest factor by which the bank raises a commitment to co-finance an overrun'),
        classes: z.partialRecord(sectorEnum, overrunClass).optional().describe('override of the reference-class calibration by sector'),
      })
      .optional(),
    delays: z
      .strictObject({
        enabled: z.boolean().optional(),
        sahelMultiplier: z.number().min(1).max(3).optional().describe('security and fragility multiplier on schedule overruns (docs/domain-facts.md §5: 1.25–1.5)'),
        maxYears: z.number().int().min(0).max(10).optional(),
        scheduleOverrun: z.partialRecord(sectorEnum, z.number().min(0).max(3)).optional().describe('expected delay as a share of construction time, by sector'),
      })
      .optional(),
    fx: z
      .strictObject({
        annualProbability: share('probability per year of an exit from the CFA peg').optional(),
        devaluation: z.number().min(0).max(0.9).optional().describe('share of its EUR value the FCFA loses on exit'),
      })
      .optional(),
  })
  .describe('Monte Carlo calibration and shared stress parameters');

export const scenarioSchema = z
  .strictObject({
    name: z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9-]*$/).optional().describe('defaults to the file name'),
    extends: z.string().optional().describe('name of the scenario this one overrides (deep merge)'),
    description: z.string().optional(),
    reportDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional()
      .describe('date printed on the dossier (YYYY-MM-DD); fixed so that re-runs give identical files'),
    data: z
      .strictObject({
        projects: z.string().describe('path of projects.csv, relative to the project root'),
        members: z.string(),
        contributions: z.string(),
        memberDebtPaths: z.string().optional().describe('optional analyst CSV of members’ debt paths without BCID-AES (src/io/parse-member-debt-paths.ts)'),
      })
      .describe('input files'),
    horizon: z.strictObject({ start: year, end: year }).describe('first and last projected year'),
    seed: z.number().int().min(0).describe('seed for every random draw'),
    appraisal: z.strictObject({
      discountRate: rate('discount rate for project NPV'),
      minEirr: minEirrSchema,
      costUplift: z.enum(['none', 'p50', 'p80']).describe('reference-class cost uplift by sector'),
      weights: z.strictObject({
        financialEconomic: z.strictObject({ eirr: share('weight'), firr: share('weight'), npv: share('weight') }),
        socialIntegration: z.strictObject({
          jobs: share('weight'),
          population: share('weight'),
          integration: share('weight'),
          readiness: share('weight'),
        }),
        combine: z.strictObject({ financialEconomic: share('weight'), socialIntegration: share('weight') }),
      }),
      formula: z
        .string()
        .max(500)
        .optional()
        .describe('optional score formula (mathjs, restricted); variables: fei, sei, eirr, firr, npv, jobs, population, integration, readiness, cost'),
    }),
    lending: z.strictObject({
      sovereign: loanTermsSchema,
      'non-sovereign': loanTermsSchema,
      equity: equityTermsSchema,
    }),
    funding: z.strictObject({
      levyShareToBank: share('share of the PC-AES levy transferred to the bank'),
      levyScale: z.number().min(0).max(5).describe('multiplier on the projected levy (1 = as in contributions.csv)'),
      borrowing: z.strictObject({
        enabled: z.boolean(),
        firstYear: year.describe('first year the bank may issue on the regional market'),
        rate: rate('coupon on the bank bonds'),
        tenor: z.number().int().min(1).max(30),
        method: z.enum(['bullet', 'linear', 'annuity']),
        maxGearing: z.number().min(0).max(5).describe('borrowings may not exceed this multiple of equity'),
        foreignCurrencyShare: share('share of borrowing in EUR (exposed to a peg exit)').optional(),
      }),
      paidInDelayYears: z
        .strictObject(
          Object.fromEntries(MEMBER_CODES.map((m) => [m, z.number().int().min(0).max(20)])) as Record<
            (typeof MEMBER_CODES)[number],
            z.ZodNumber
          >,
        )
        .optional()
        .describe('years by which each member pays its paid-in instalments after the schedule in contributions.csv'),
      treasuryYield: rate('yield on cash and liquid assets'),
      operatingExpenses: z.strictObject({
        fixed: money('fixed costs in the first year'),
        growth: rate('yearly growth of fixed costs'),
        shareOfLoans: share('variable costs per year as a share of loans outstanding'),
      }),
    }),
    policy: z.strictObject({
      equityToLoansFloor: share('usable equity / loans outstanding must stay at or above this'),
      singleProjectLimit: share('largest single commitment, as a share of equity'),
      countryExposureLimit: z.number().min(0).max(10).describe('loans to one member, as a multiple of equity'),
      fairReturnBand: share("each member's share of commitments stays within ± this of its capital share"),
      sectorCaps: z.partialRecord(sectorEnum, share('cap')).describe('share of total commitments per sector'),
      minReadiness: z.number().int().min(1).max(5),
      liquidityMonths: z.number().min(0).max(60).describe('liquid assets must cover this many months of net outflows'),
      minRiskAdjustedCapital: minRiskAdjustedCapitalSchema.optional(),
    }),
    credit: z.strictObject({
      preferredCreditor: z.boolean().describe('true: PD and LGD with preferred-creditor treatment'),
      pd: instrumentNumbers('annual probability of default'),
      lgd: instrumentNumbers('loss given default'),
      pdWithoutPcs: instrumentNumbers('annual PD if preferred-creditor treatment is lost'),
      lgdWithoutPcs: instrumentNumbers('LGD if preferred-creditor treatment is lost'),
      centralCase: centralCaseSchema.optional(),
    }),
    capital: capitalSchema.optional(),
    capacity: capacitySchema.optional(),
    members: z.strictObject({
      nominalGrowth: memberNumbers('nominal growth of GDP, revenue and exports after the last data year'),
      ...memberDebtSettings,
    }),
    allocation: z.strictObject({
      method: z.enum(['greedy', 'optimal']),
      objective: objectiveSchema,
      socialWeight: socialWeightSchema,
      firstCommitmentYear: year,
      lastCommitmentYear: year,
      pinned: z.array(z.string()).describe('project ids that must be funded'),
      excluded: z.array(z.string()).describe('project ids that must not be funded'),
      timeLimitSeconds: z.number().min(0.1).max(3600),
      mipRelativeGap: z.number().min(0).max(1),
    }),
    stresses: z.array(stressName).optional().describe('named shocks switched on for this scenario (held-fixed baseline allocation)'),
    risk: riskSchema.optional(),
    dossier: z
      .strictObject({
        stresses: z
          .array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/))
          .describe('stress scenarios (scenarios/<name>.yaml) the dossier compares this scenario with; `bcid run` runs each, and the Monte Carlo at risk.paths'),
      })
      .optional()
      .describe('what the dossier holds besides the run itself'),
  })
  .describe('BCID-AES scenario');

export type Scenario = z.infer<typeof scenarioSchema>;
export type LoanTermsSetting = z.infer<typeof loanTermsSchema>;
/** A scenario as loaded: its `name` is the file's (scenarios/<name>.yaml). */
export type NamedScenario = Scenario & { readonly name: string };
