/**
 * What one unit (1 million FCFA) of a project's financing pays out and brings
 * back, row t = t years after the commitment year. Every flow is linear in
 * the amount (for sculpted loans too: debt service is CFADS × amount / value),
 * so a commitment of A in year y contributes A × row t to calendar year y + t.
 *
 * Loans come from the finance engine's schedule. Equity investments (the
 * `equity` instrument):
 * - drawn like a loan, in equal shares over construction (rows 0 … c−1);
 * - carried at cost on the balance sheet;
 * - paying dividendYield × amount at the end of each operating year before the
 *   exit (rows c+1 … exit−1);
 * - sold at row exit = max(holdingYears, c + 1) for exitMultiple × amount; the
 *   difference with cost is a realised gain (or loss).
 */
import { loanSchedule } from '../../finance/index.js';
import type { Project } from '../../schema/records.js';
import type { Scenario } from '../../schema/scenario.js';
import { capitalSettings } from '../capital/settings.js';
import { projectRiskWeight, type RiskWeight } from '../capital/weights.js';
import { loanTermsFor, type ProjectLoanTerms } from './terms.js';

export interface UnitFlows {
  /** Rows 0 … length−1. */
  readonly length: number;
  readonly disbursed: Float64Array;
  /** Accrued, paid or capitalised. */
  readonly interest: Float64Array;
  readonly capitalised: Float64Array;
  readonly fees: Float64Array;
  readonly principal: Float64Array;
  /** Loan balance at the end of the row's year. */
  readonly loanBalance: Float64Array;
  readonly invested: Float64Array;
  readonly dividends: Float64Array;
  readonly exitProceeds: Float64Array;
  /** Cost of the stake sold (at-cost value removed from the balance sheet). */
  readonly exitCost: Float64Array;
  /** Equity investment at cost at the end of the row's year. */
  readonly equityHeld: Float64Array;
}

export interface ProjectFinancing {
  readonly projectId: string;
  readonly flows: UnitFlows;
  /** Loan terms for amount 1; null for equity. */
  readonly loan: ProjectLoanTerms | null;
  /** Largest amount the project can carry (sculpted debt capacity), Infinity when unbounded. */
  readonly capacity: number;
  /** Risk weight of one unit of its exposure (capital/weights.ts). */
  readonly riskWeight: RiskWeight;
}

function emptyFlows(length: number): { [K in Exclude<keyof UnitFlows, 'length'>]: Float64Array } {
  const make = (): Float64Array => new Float64Array(length);
  return {
    disbursed: make(),
    interest: make(),
    capitalised: make(),
    fees: make(),
    principal: make(),
    loanBalance: make(),
    invested: make(),
    dividends: make(),
    exitProceeds: make(),
    exitCost: make(),
    equityHeld: make(),
  };
}

export function equityUnitFlows(p: Project, terms: Scenario['lending']['equity']): UnitFlows {
  const c = Math.max(1, p.constructionYears);
  const exit = Math.max(terms.holdingYears, c + 1);
  const f = emptyFlows(exit + 1);
  let held = 0;
  for (let t = 0; t <= exit; t++) {
    if (t < c) {
      f.invested[t] = 1 / c;
      held += 1 / c;
    }
    if (t > c && t < exit) f.dividends[t] = terms.dividendYield;
    if (t === exit) {
      f.exitProceeds[t] = terms.exitMultiple;
      f.exitCost[t] = held;
      held = 0;
    }
    f.equityHeld[t] = held;
  }
  return { length: exit + 1, ...f };
}

/**
 * The schedule is computed for min(1, capacity) and divided back to one unit,
 * because the engine rightly refuses a sculpted loan above its debt capacity.
 * A loan the cash flow cannot carry at all (capacity 0) has no flows.
 */
export function loanUnitFlows(terms: ProjectLoanTerms): UnitFlows {
  const reference = Math.min(1, terms.debtCapacity);
  if (!(reference > 0)) return { length: 1, ...emptyFlows(1) };
  const schedule = loanSchedule({ ...terms.unit, amount: reference });
  const f = emptyFlows(schedule.rows.length);
  schedule.rows.forEach((r, t) => {
    f.disbursed[t] = r.disbursed / reference;
    f.interest[t] = r.interest / reference;
    f.capitalised[t] = r.capitalized / reference;
    f.fees[t] = r.fees / reference;
    f.principal[t] = r.principal / reference;
    f.loanBalance[t] = r.closing / reference;
  });
  return { length: schedule.rows.length, ...f };
}

export function projectFinancing(p: Project, scenario: Scenario): ProjectFinancing {
  const riskWeight = projectRiskWeight(p, capitalSettings(scenario), scenario.credit.preferredCreditor);
  if (p.instrument === 'equity') {
    return { projectId: p.id, flows: equityUnitFlows(p, scenario.lending.equity), loan: null, capacity: Infinity, riskWeight };
  }
  const loan = loanTermsFor(p, scenario);
  return { projectId: p.id, flows: loanUnitFlows(loan), loan, capacity: loan.debtCapacity, riskWeight };
}
