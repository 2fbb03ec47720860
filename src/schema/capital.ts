/**
 * Scenario settings of capital adequacy (issue 14): usable capital, the
 * risk-based capital ratio after S&P's RAC for multilateral lenders, its
 * floor, and the central case's credit charge. Every key is optional; the
 * defaults, with their sources, are in src/model/capital/settings.ts and
 * docs/capital.md.
 */
import { z } from 'zod';
import { MEMBER_CODES } from './codes.js';

/** Rating grades, strongest first (S&P / Fitch letters; Moody's Caa = CCC). */
export const RATING_GRADES = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC'] as const;
export type RatingGrade = (typeof RATING_GRADES)[number];

const rating = z.enum(RATING_GRADES);
/** A risk weight as a decimal (1.5 = 150 %); 12.5 (1,250 %) is the Basel maximum. */
const weight = (what: string) => z.number().min(0).max(12.5).describe(`${what} (decimal: 1.5 = 150 %)`);

const byMember = <T extends z.ZodType>(t: T) =>
  z.strictObject(Object.fromEntries(MEMBER_CODES.map((m) => [m, t])) as Record<(typeof MEMBER_CODES)[number], T>);

export const capitalSchema = z
  .strictObject({
    levyCountsAsCapital: z.boolean().optional().describe('whether the levy transferred into equity counts in usable capital (default true)'),
    memberRatings: byMember(rating).optional().describe('each member’s sovereign rating (default CCC: Caa/CCC, domain-facts §0)'),
    riskWeights: z
      .strictObject({
        sovereignByRating: z
          .strictObject(Object.fromEntries(RATING_GRADES.map((g) => [g, weight(`sovereign risk weight at ${g}`)])) as Record<RatingGrade, z.ZodNumber>)
          .optional(),
        pcsFactor: z.number().min(0).max(1).optional().describe('multiplier on sovereign weights while preferred-creditor treatment holds'),
        nonSovereign: weight('risk weight of non-sovereign loans').optional(),
        equity: weight('risk weight of equity stakes').optional(),
        treasuryIssuerRating: rating.optional().describe('rating of the issuers of the bank’s liquid assets'),
        concentrationAddOn: z.number().min(0).max(5).optional().describe('extra RWA per unit of the single-name Herfindahl index above diversifiedHhi'),
        diversifiedHhi: z.number().min(0).max(0.99).optional().describe('Herfindahl index of a diversified book: no add-on at or below it'),
      })
      .optional(),
  })
  .describe('capital adequacy: usable capital and the risk-adjusted capital ratio');

export const minRiskAdjustedCapitalSchema = z
  .number()
  .min(0)
  .max(1)
  .describe('risk-adjusted capital ratio (usable capital / risk-weighted assets) must stay at or above this');

export const centralCaseSchema = z
  .enum(['expected-loss', 'none'])
  .describe('expected-loss: the central projection writes off each year PD × LGD × the exposure at the start of the year; none: allowance only');

export type CapitalSetting = z.infer<typeof capitalSchema>;

const share = (what: string) => z.number().min(0).max(1).describe(what);

export const capacitySchema = z
  .strictObject({
    firstYear: z.number().int().min(2000).max(2100).optional().describe('first year of the lending envelope (default: allocation.firstCommitmentYear)'),
    lastYear: z
      .number()
      .int()
      .min(2000)
      .max(2100)
      .optional()
      .describe('last year of the envelope (default: the allocation window extended to the horizon end minus the longest tenor)'),
    mix: z
      .strictObject({
        instruments: z.strictObject({ sovereign: share('share'), 'non-sovereign': share('share'), equity: share('share') }).optional(),
        members: byMember(share('share')).optional(),
      })
      .optional()
      .describe('mix of the generic commitments (default: the named pipeline’s approved amounts)'),
    targetAnnual: z.number().min(0).optional().describe('annual lending the levers must reach (millions FCFA; default 1.5 × sustainable annual)'),
  })
  .describe('lending capacity: the envelope after the named projects');
