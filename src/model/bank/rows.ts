/**
 * The projection as report rows (results.json `bank`), with the ratios:
 * - equityToLoans = equity / (gross loans + equity investments at cost); null without exposure.
 *   Usable equity is taken as total equity (paid-in + retained earnings): no callable capital,
 *   no deductions. Equity investments count with loans because they use capital as loans do.
 * - debtToEquity = borrowings / equity.
 * - liquidityMonths = cash / (next year's net outflows / 12); null when nothing flows out net.
 * - headroom = equity / floor − (loans + equity investments): more lending the E/L floor allows.
 * - capitalUtilisation = floor × (loans + equity investments) / equity (1 = at the floor).
 * - largestCountryShare, largestProjectShare: of loans + equity investments at year end.
 * - nplRatio = loans in arrears / gross loans (0 in the deterministic run).
 * - roe = net income / average of opening and closing equity.
 * - riskAdjustedCapitalRatio = adjusted equity / risk-weighted assets (model/capital/ratio.ts),
 *   with its S&P band; usableCapital after Fitch (callable capital only from shareholders
 *   rated AA− or better).
 */
import { MEMBER_CODES } from '../../schema/codes.js';
import type { Calendar } from '../context.js';
import type { PortfolioFlows } from '../portfolio.js';
import type { BankYear } from '../results.js';
import { capitalBand } from '../capital/ratio.js';
import type { BankProjection } from './project.js';

export interface RowExtras {
  readonly equityToLoansFloor: number;
  readonly paidIn: Float64Array;
  readonly levy: Float64Array;
  /** Largest single project's exposure per year (loans + equity at cost). */
  readonly largestProjectExposure: Float64Array;
  /** Callable capital subscribed by year-end, and the part from shareholders rated AA− or better (default 0). */
  readonly callable?: { readonly subscribed: Float64Array; readonly usable: Float64Array };
  /** Whether the levy counts in usable capital (default true). */
  readonly levyCountsAsCapital?: boolean;
}

export function bankRows(years: Calendar, p: PortfolioFlows, b: BankProjection, extras: RowExtras): BankYear[] {
  const rows: BankYear[] = [];
  for (let i = 0; i < years.count; i++) {
    const loans = p.loans[i]!;
    const held = p.equityHeld[i]!;
    const exposure = loans + held;
    const equity = b.equity[i]!;
    const cash = b.cash[i]!;
    const allowance = b.allowance[i]!;
    const openingEquity = i === 0 ? b.openingPaidIn : b.equity[i - 1]!;
    const next = b.nextNetOutflows[i]!;
    const rwa = b.riskWeightedAssets[i]!;
    const rac = rwa > 0 ? b.adjustedEquity[i]! / rwa : null;
    let largestCountry = 0;
    for (const m of MEMBER_CODES) largestCountry = Math.max(largestCountry, p.memberExposure[m][i]!);
    rows.push({
      year: years.start + i,
      paidInReceived: extras.paidIn[i]!,
      levyReceived: extras.levy[i]!,
      borrowingRaised: b.borrowingRaised[i]!,
      borrowingRepaid: b.borrowingRepaid[i]!,
      disbursements: p.disbursed[i]! + p.invested[i]!,
      principalRepaid: p.principal[i]!,
      otherReflows: p.interest[i]! - p.capitalised[i]! + p.fees[i]! + p.dividends[i]! + p.exitProceeds[i]!,
      interestIncome: p.interest[i]!,
      feeIncome: p.fees[i]!,
      treasuryIncome: b.treasuryIncome[i]!,
      equityIncome: b.equityIncome[i]!,
      interestExpense: b.interestExpense[i]!,
      operatingExpenses: b.operatingExpenses[i]!,
      provisions: b.provisions[i]!,
      writeOffs: p.writeOffs[i]!,
      netIncome: b.netIncome[i]!,
      cash,
      loansOutstanding: loans,
      loanLossAllowance: allowance === 0 ? 0 : -allowance,
      equityInvestments: held,
      totalAssets: cash + loans - allowance + held,
      borrowings: b.borrowings[i]!,
      paidInCapital: b.paidInCapital[i]!,
      levyContributions: b.levyContributions[i]!,
      retainedEarnings: b.retainedEarnings[i]!,
      equity,
      callableCapital: extras.callable?.subscribed[i] ?? 0,
      usableCapital: equity - (extras.levyCountsAsCapital === false ? b.levyContributions[i]! : 0) + (extras.callable?.usable[i] ?? 0),
      creditCharge: b.creditCharge[i]!,
      riskWeightedAssets: b.riskWeightedAssets[i]!,
      riskAdjustedCapitalRatio: rac,
      capitalBand: capitalBand(rac),
      equityToLoans: exposure > 0 ? equity / exposure : null,
      debtToEquity: equity !== 0 ? b.borrowings[i]! / equity : 0,
      liquidityMonths: next > 0 ? cash / (next / 12) : null,
      headroom: extras.equityToLoansFloor > 0 ? equity / extras.equityToLoansFloor - exposure : Infinity,
      liquidityBuffer: b.buffer[i]!,
      capitalUtilisation: equity > 0 ? (extras.equityToLoansFloor * exposure) / equity : exposure > 0 ? Infinity : 0,
      largestCountryShare: exposure > 0 ? largestCountry / exposure : 0,
      largestProjectShare: exposure > 0 ? extras.largestProjectExposure[i]! / exposure : 0,
      nplRatio: loans > 0 ? p.nonPerforming[i]! / loans : 0,
      // Average equity: in the first years capital arrives during the year, and opening equity alone overstates the ratio.
      roe: openingEquity + b.equity[i]! > 0 ? b.netIncome[i]! / ((openingEquity + b.equity[i]!) / 2) : null,
      commitments: p.commitments[i]!,
      ...(b.fxLoss !== undefined ? { fxLoss: b.fxLoss[i]! } : {}),
    });
  }
  return rows;
}
