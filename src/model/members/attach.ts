/**
 * The members' and pricing results of a run, from its inputs and funded
 * commitments: the one call the run pipeline makes to this folder and to
 * src/model/pricing/. Pure.
 */
import type { InputData } from '../../schema/records.js';
import type { Scenario } from '../../schema/scenario.js';
import type { Calendar } from '../context.js';
import type { Commitment } from '../portfolio.js';
import { pricingRows, withLoanConcessionality, type PricingRow } from '../pricing/index.js';
import type { AllocationRow, MemberYearResult } from '../results.js';
import { memberRows } from './member-rows.js';

export interface DebtResultsInput {
  readonly inputs: InputData;
  readonly scenario: Scenario;
  readonly years: Calendar;
  readonly commitments: readonly Commitment[];
  /** The allocation rows before their loans' grant element and concessionality. */
  readonly allocation: readonly Omit<AllocationRow, 'grantElement' | 'concessional'>[];
  /** Stress names (only member-* act on the members); none in the plain run. */
  readonly stresses?: readonly string[];
}

export interface DebtResults {
  readonly allocation: AllocationRow[];
  readonly members: MemberYearResult[];
  readonly pricing: PricingRow[];
}

export function memberDebtResults(input: DebtResultsInput): DebtResults {
  return {
    allocation: withLoanConcessionality(input.allocation, input.commitments),
    members: memberRows(input.commitments, input.inputs.members, input.scenario, input.years, {
      paths: input.inputs.memberDebtPaths ?? [],
      stresses: input.stresses ?? [],
    }),
    pricing: pricingRows(input.scenario),
  };
}
