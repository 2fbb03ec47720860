import { z } from 'zod';
import { MEMBER_CODES } from './codes.js';

/**
 * Scenario settings of the members' debt paths (`members.debt`, `members.bcidDebtIs`).
 * Every key is optional: src/model/members/debt-defaults.ts holds the defaults and
 * their sources (IMF, World Bank, BCEAO figures of data/README.md; estimates flagged).
 */
const memberDebtParameters = z
  .strictObject({
    externalInterestRate: z.number().min(0).max(0.3).optional().describe('effective interest rate on existing external public debt (interest / last year’s stock)'),
    domesticInterestRate: z.number().min(0).max(0.3).optional().describe('effective interest rate on existing domestic public debt'),
    primaryBalance: z.number().min(-0.3).max(0.3).optional().describe('primary fiscal balance, share of GDP (negative: deficit)'),
    externalAmortisation: z.number().min(0).max(1).optional().describe('share of the external debt stock repaid each year'),
    externalFinancingShare: z.number().min(0).max(1).optional().describe('share of the overall deficit financed by new external borrowing'),
  })
  .describe('debt dynamics of one member, before BCID-AES');

export const memberDebtSchema = z
  .strictObject(Object.fromEntries(MEMBER_CODES.map((m) => [m, memberDebtParameters.optional()])) as Record<
    (typeof MEMBER_CODES)[number],
    z.ZodOptional<typeof memberDebtParameters>
  >)
  .partial()
  .describe('existing debt dynamics per member (defaults in src/model/members/debt-defaults.ts)');

/** WAEMU classifies public debt by currency: FCFA loans from a WAEMU lender are domestic debt. */
export const BCID_DEBT_CLASSES = ['domestic', 'external'] as const;
export type BcidDebtClass = (typeof BCID_DEBT_CLASSES)[number];

/** The keys spread into the scenario's `members` object. */
export const memberDebtSettings = {
  debt: memberDebtSchema.optional(),
  bcidDebtIs: z
    .enum(BCID_DEBT_CLASSES)
    .optional()
    .describe('how the members count their BCID-AES loans: domestic (default: FCFA debt, WAEMU currency criterion) or external'),
};

export type MemberDebtSetting = z.infer<typeof memberDebtSchema>;
export type MemberDebtParameters = z.infer<typeof memberDebtParameters>;

/**
 * One row of an analyst's debt path (`data.memberDebtPaths`): a member's
 * figures for one year without BCID-AES, replacing the projection for that
 * year. Millions of FCFA.
 */
export interface MemberDebtPathRow {
  readonly code: (typeof MEMBER_CODES)[number];
  readonly year: number;
  readonly gdp: number;
  readonly revenue: number;
  readonly exports: number;
  readonly publicDebt: number;
  readonly externalDebt: number;
  /** Interest and principal paid on external public debt in the year. */
  readonly externalDebtService: number;
  /** PV of external public debt at 5 %; null: from the face value as in the projection. */
  readonly pvExternalDebt: number | null;
}
