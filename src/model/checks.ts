/**
 * Invariants checked on every run. Each returns its largest gap, so a
 * reader sees how close to the tolerance the run came, not just "ok".
 * Tolerance: 1e-6 relative to the size of the quantities compared (at least
 * 1e-6 million FCFA, i.e. 1 FCFA).
 *
 * Accounting: assets = liabilities + equity; cash-flow sources = uses; the
 * income statement adds up; retained earnings roll forward by net income;
 * gross loans roll forward by disbursements + capitalised − principal −
 * write-offs; for each loan disbursed + capitalised = repaid + outstanding +
 * written off (equity investments: invested = sold at cost + held); the
 * projection's portfolio arrays equal the finance kernel's totals; members'
 * shares add up to the sovereign total.
 * Allocation: every bank limit, the share limits, pins, exclusions, the
 * readiness floor, the commitment window and the amount caps hold.
 */
import { loanSchedule, portfolioReflows } from '../finance/index.js';
import { bankLimitViolations, shareLimitViolations, singleProjectViolations, type Violation } from './allocation/limits.js';
import type { AllocationModel } from './allocation/model.js';
import type { BankProjection } from './bank/project.js';
import { InvariantViolation } from './invariant-violation.js';
import type { Commitment, PortfolioFlows } from './portfolio.js';
import { portfolioLoans } from './repayment/reflows.js';
import type { AllocationRow, BankYear, InvariantCheck, MemberYearResult } from './results.js';

export const CHECK_TOLERANCE = 1e-6;

export interface CheckInput {
  readonly model: AllocationModel;
  readonly bank: readonly BankYear[];
  readonly portfolio: PortfolioFlows;
  readonly projection: BankProjection;
  readonly commitments: readonly Commitment[];
  readonly allocation: readonly AllocationRow[];
  readonly members: readonly MemberYearResult[];
}

/** Tracks the largest gap of one check relative to its scale. */
class Gap {
  largest = 0;
  year: number | null = null;
  ok = true;
  note = '';
  add(gap: number, scale: number, year: number | null, note = ''): void {
    const a = Math.abs(gap);
    if (!Number.isFinite(a)) {
      this.ok = false;
      this.largest = Infinity;
      this.year = year;
      this.note = note || 'not a finite number';
      return;
    }
    if (a > CHECK_TOLERANCE * Math.max(1, Math.abs(scale))) this.ok = false;
    if (a > this.largest) {
      this.largest = a;
      this.year = year;
      this.note = note;
    }
  }
  check(name: string, what: string): InvariantCheck {
    return {
      name,
      ok: this.ok,
      largestError: this.largest,
      year: this.year,
      detail: this.ok ? what : `${what}${this.note ? `: ${this.note}` : ''}`,
    };
  }
}

function accounting(input: CheckInput): InvariantCheck[] {
  const { bank, portfolio: p } = input;
  const balance = new Gap();
  const cashFlow = new Gap();
  const income = new Gap();
  const retained = new Gap();
  const loansRoll = new Gap();
  let prevCash = input.projection.openingPaidIn;
  let prevRetained = 0;
  let prevLoans = 0;
  bank.forEach((r, i) => {
    balance.add(r.totalAssets - (r.borrowings + r.equity), r.totalAssets, r.year);
    balance.add(r.equity - (r.paidInCapital + r.levyContributions + r.retainedEarnings), r.equity, r.year);
    const sources = r.paidInReceived + r.levyReceived + r.borrowingRaised + r.principalRepaid + r.otherReflows + r.treasuryIncome;
    const uses = r.disbursements + r.borrowingRepaid + r.interestExpense + r.operatingExpenses + r.creditCharge + (r.cash - prevCash);
    cashFlow.add(sources - uses, Math.max(Math.abs(sources), Math.abs(uses)), r.year);
    const ni = r.interestIncome + r.feeIncome + r.treasuryIncome + r.equityIncome - r.interestExpense - r.operatingExpenses - r.provisions - (r.fxLoss ?? 0);
    income.add(r.netIncome - ni, Math.max(Math.abs(r.interestIncome), Math.abs(r.operatingExpenses), 1), r.year);
    retained.add(r.retainedEarnings - prevRetained - r.netIncome, Math.abs(r.retainedEarnings), r.year);
    const movement = p.disbursed[i]! + p.capitalised[i]! - p.principal[i]! - p.writeOffs[i]!;
    loansRoll.add(r.loansOutstanding - prevLoans - movement, r.loansOutstanding, r.year);
    prevCash = r.cash;
    prevRetained = r.retainedEarnings;
    prevLoans = r.loansOutstanding;
  });
  return [
    balance.check('balance-sheet', 'assets = borrowings + equity; equity = paid-in capital + levy contributions + retained earnings'),
    cashFlow.check('cash-flow', 'sources = uses (including the expected loss not collected and the change in cash)'),
    income.check('income-statement', 'net income = income − interest expense − opex − provisions'),
    retained.check('retained-earnings', 'retained earnings grow by net income'),
    loansRoll.check('loan-roll-forward', 'gross loans move by disbursements + capitalised − principal − write-offs'),
  ];
}

function perLoan(input: CheckInput): InvariantCheck[] {
  const { start, end } = input.model.ctx.years;
  const loans = new Gap();
  const equity = new Gap();
  for (const c of input.commitments) {
    if (c.financing.loan) {
      const schedule = loanSchedule({ ...c.financing.loan.unit, amount: c.amount });
      let disbursed = 0;
      let capitalised = 0;
      let repaid = 0;
      let outstanding = 0;
      for (const row of schedule.rows) {
        if (c.year + row.year > end) break;
        disbursed += row.disbursed;
        capitalised += row.capitalized;
        repaid += row.principal;
        outstanding = row.closing;
      }
      const writtenOff = 0; // the deterministic run writes nothing off
      loans.add(disbursed + capitalised - repaid - outstanding - writtenOff, c.amount, end, `loan ${c.project.id}`);
    } else {
      const u = c.financing.flows;
      let invested = 0;
      let sold = 0;
      let held = 0;
      for (let t = 0; t < u.length && c.year + t <= end; t++) {
        invested += c.amount * u.invested[t]!;
        sold += c.amount * u.exitCost[t]!;
        held = c.amount * u.equityHeld[t]!;
      }
      equity.add(invested - sold - held, c.amount, end, `equity ${c.project.id}`);
    }
  }
  // The projection's arrays against the finance kernel.
  const kernel = portfolioReflows(portfolioLoans(input.commitments), { firstYear: start, lastYear: end });
  const agree = new Gap();
  kernel.forEach((k, i) => {
    const p = input.portfolio;
    const scale = Math.max(k.outstanding, k.disbursed, 1);
    agree.add(p.loans[i]! - k.outstanding, scale, k.year, 'loans outstanding');
    agree.add(p.disbursed[i]! - k.disbursed, scale, k.year, 'disbursements');
    agree.add(p.principal[i]! - k.principal, scale, k.year, 'principal');
    agree.add(p.interest[i]! - k.interest, scale, k.year, 'interest');
    agree.add(p.fees[i]! - k.fees, scale, k.year, 'fees');
  });
  return [
    loans.check('loan-conservation', 'per loan: disbursed + capitalised = repaid + outstanding + written off'),
    equity.check('equity-conservation', 'per equity investment: invested = sold at cost + held'),
    agree.check('reflows-kernel', "the projection's portfolio flows equal the finance kernel's"),
  ];
}

function memberSplit(input: CheckInput): InvariantCheck {
  const gap = new Gap();
  for (const row of input.bank) {
    let sovereign = 0;
    for (const c of input.commitments) {
      if (c.project.instrument !== 'sovereign' || !c.financing.loan) continue;
      const t = row.year - c.year;
      const u = c.financing.flows;
      if (t >= 0 && t < u.length) sovereign += c.amount * (u.interest[t]! - u.capitalised[t]! + u.fees[t]! + u.principal[t]!);
    }
    const members = input.members.filter((m) => m.year === row.year).reduce((s, m) => s + m.debtService, 0);
    gap.add(members - sovereign, sovereign, row.year);
  }
  return gap.check('member-split', "members' debt service adds up to the sovereign portfolio's");
}

function limitCheck(name: string, what: string, violations: readonly Violation[]): InvariantCheck {
  if (violations.length === 0) return { name, ok: true, largestError: 0, year: null, detail: what };
  const worst = violations.reduce((a, b) => (b.amount > a.amount ? b : a));
  return { name, ok: false, largestError: worst.amount, year: worst.year, detail: `${what}: ${worst.detail}` };
}

function allocationChecks(input: CheckInput): InvariantCheck[] {
  const { model, projection, portfolio, commitments } = input;
  const ctx = model.ctx;
  const bankV = bankLimitViolations(ctx, projection, portfolio);
  const shareV = shareLimitViolations(ctx, commitments);
  const out: InvariantCheck[] = [
    limitCheck('limit-liquidity', 'cash ≥ liquidity buffer every year', bankV.filter((v) => v.aspect === 'liquidity')),
    limitCheck('limit-gearing', 'borrowings ≤ maxGearing × equity every year', bankV.filter((v) => v.aspect === 'gearing')),
    limitCheck('limit-equity-to-loans', 'equity ≥ floor × (loans + equity investments) every year', bankV.filter((v) => v.limit === 'equity-to-loans')),
    limitCheck('limit-country-exposure', 'each member’s exposure ≤ limit × equity every year', bankV.filter((v) => v.limit === 'country-exposure')),
    limitCheck('limit-single-project', 'each commitment ≤ limit × equity at the end of the year before', singleProjectViolations(ctx, projection, commitments)),
    limitCheck('limit-fair-return', 'each member’s share of commitments within its capital share ± band', shareV.filter((v) => v.limit === 'fair-return')),
    limitCheck('limit-sector-caps', 'each capped sector’s share of commitments ≤ its cap', shareV.filter((v) => v.limit === 'sector-cap')),
  ];
  const s = ctx.scenario;
  const funded = new Map(commitments.map((c) => [c.project.id, c]));
  const rule = (name: string, what: string, bad: string[]): InvariantCheck => ({
    name,
    ok: bad.length === 0,
    largestError: bad.length,
    year: null,
    detail: bad.length === 0 ? what : `${what}: ${bad.join(', ')}`,
  });
  out.push(rule('pinned-funded', 'every pinned project is funded', s.allocation.pinned.filter((id) => !funded.has(id))));
  out.push(rule('excluded-unfunded', 'no excluded project is funded', s.allocation.excluded.filter((id) => funded.has(id))));
  out.push(
    rule(
      'readiness',
      `no funded project below readiness ${s.policy.minReadiness}`,
      commitments.filter((c) => c.project.readiness < s.policy.minReadiness).map((c) => c.project.id),
    ),
  );
  out.push(
    rule(
      'commitment-window',
      'every commitment within the window and after the project’s earliest start',
      commitments
        .filter(
          (c) =>
            c.year < Math.max(s.allocation.firstCommitmentYear, ctx.years.start, c.project.earliestStart) ||
            c.year > Math.min(s.allocation.lastCommitmentYear, ctx.years.end),
        )
        .map((c) => `${c.project.id} in ${c.year}`),
    ),
  );
  const caps = new Gap();
  for (const c of commitments) {
    const e = model.byId.get(c.project.id);
    if (!e) continue;
    caps.add(Math.max(0, c.amount - e.maxAmount), e.maxAmount, c.year, `${c.project.id} approved above min(request × uplift, debt capacity)`);
  }
  out.push(caps.check('approved-within-request', 'approved ≤ min(request × uplift, debt capacity)'));
  return out;
}

export function runChecks(input: CheckInput): InvariantCheck[] {
  return [...accounting(input), ...perLoan(input), memberSplit(input), ...allocationChecks(input)];
}

/** Throws InvariantViolation for the first failed check. */
export function assertChecks(checks: readonly InvariantCheck[]): void {
  const failed = checks.find((c) => !c.ok);
  if (failed) throw new InvariantViolation(failed.name, failed.year, failed.largestError, failed.detail);
}
