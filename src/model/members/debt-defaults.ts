/**
 * Defaults of the members' existing debt dynamics (`members.debt`), each with
 * its basis. Sources and derivations are in data/README.md ("Members' debt
 * dynamics"); every figure here is an estimate (EST) built from the published
 * ratios of members.csv, not an IMF DSA projection.
 *
 * - External interest 1.5 %: external public debt is mostly multilateral and
 *   concessional (Burkina Faso: 89.4 % multilateral at end-2024, DGTCP).
 * - Domestic interest 6.5 %: WAEMU regional-market yields for Sahel sovereigns,
 *   the same figure as the bank's own bond coupon in the baseline.
 * - External amortisation 4 % of the stock a year: a remaining maturity of
 *   about 25 years on concessional multilateral debt.
 * - Primary balance = − overall deficit + interest, both in % of GDP:
 *   Mali 3.35 % deficit in 2025 (IMF/BCEAO, H) and 2.0 % interest → −1.3 %;
 *   Burkina Faso 3.65 % (mid 2025 target 3.3–4.0 %, H) and 2.8 % → −0.9 %;
 *   Niger 5.4 % (2023, M; latest found) and 1.5 % → −3.9 %.
 * - External financing share: the external share of public debt in the last
 *   data year (members.csv), so the debt's composition is kept.
 */
import type { MemberCode } from '../../schema/codes.js';
import type { MemberDebtParameters, MemberDebtSetting } from '../../schema/member-debt.js';

export interface DebtDynamics {
  readonly externalInterestRate: number;
  readonly domesticInterestRate: number;
  readonly primaryBalance: number;
  readonly externalAmortisation: number;
  /** null: the external share of public debt in the last data year. */
  readonly externalFinancingShare: number | null;
}

export const DEBT_DEFAULTS: Readonly<Record<MemberCode, DebtDynamics>> = {
  MLI: { externalInterestRate: 0.015, domesticInterestRate: 0.065, primaryBalance: -0.013, externalAmortisation: 0.04, externalFinancingShare: null },
  BFA: { externalInterestRate: 0.015, domesticInterestRate: 0.065, primaryBalance: -0.009, externalAmortisation: 0.04, externalFinancingShare: null },
  NER: { externalInterestRate: 0.015, domesticInterestRate: 0.065, primaryBalance: -0.039, externalAmortisation: 0.04, externalFinancingShare: null },
};

/** The member's dynamics: the scenario's keys over the defaults. */
export function debtDynamicsFor(member: MemberCode, setting: MemberDebtSetting | undefined): DebtDynamics {
  const own: MemberDebtParameters = setting?.[member] ?? {};
  const d = DEBT_DEFAULTS[member];
  return {
    externalInterestRate: own.externalInterestRate ?? d.externalInterestRate,
    domesticInterestRate: own.domesticInterestRate ?? d.domesticInterestRate,
    primaryBalance: own.primaryBalance ?? d.primaryBalance,
    externalAmortisation: own.externalAmortisation ?? d.externalAmortisation,
    externalFinancingShare: own.externalFinancingShare ?? d.externalFinancingShare,
  };
}
