/**
 * One stressed projection of a fixed portfolio: the compiled run, a shock set
 * and the funding in, the portfolio arrays and the bank projection out.
 * Used for the named stresses (once per scenario), the tornado and every
 * Monte Carlo path, so it allocates nothing per year: the portfolio arrays live
 * in a reusable workspace and each commitment adds its scaled unit flows.
 *
 * Performing commitments go through the run's own aggregation
 * (`addLoanFlows` / `addStakeFlows` of model/portfolio.ts) and the run's own
 * year loop (`projectBank`), so with a neutral shock set the result equals the
 * deterministic run bit for bit (tested).
 *
 * Defaults (a member on its sovereign loans, or a non-sovereign borrower): from
 * the default year d the defaulted part pays and draws nothing; the exposure at
 * default E (loan balance at the end of d − 1) stays as a non-performing loan,
 * provisioned at LGD × E, for the arrears years; then LGD × E is written off and
 * (1 − LGD) × E is repaid in equal instalments over the rescheduling years at
 * the instrument's lending rate. The credit loss of the path is LGD × E,
 * recognised in the year of default.
 */
import { MEMBER_CODES } from '../schema/codes.js';
import { ProjectionScratch, projectBank, type BankProjection, type ProjectionShocks } from '../model/bank/project.js';
import { addLoanFlows, addStakeFlows, clearPortfolio, memberSplit, portfolioOfLength, type LossRate, type PortfolioFlows } from '../model/portfolio.js';
import type { ShockSet } from '../shocks/shock-set.js';
import type { CompiledProject, CompiledRun, Funding } from './compiled.js';
import type { UnitFlows } from '../model/repayment/unit-flows.js';
import type { RiskWeight } from '../model/capital/weights.js';

/** Reusable arrays for one thread: the portfolio flows, credit losses and levy. */
export class PathWorkspace {
  readonly portfolio: PortfolioFlows;
  /** Credit loss recognised in each year (LGD × exposure at default). */
  readonly creditLoss: Float64Array;
  readonly levy: Float64Array;
  /** Exposure at default by member (sovereign), scratch. */
  readonly ead = new Float64Array(MEMBER_CODES.length);
  readonly defaultYear = new Int32Array(MEMBER_CODES.length);
  /** Arrays the projection reuses: a path's projection lives until the next path. */
  readonly projection: ProjectionScratch;

  constructor(readonly n: number) {
    this.portfolio = portfolioOfLength(n);
    this.creditLoss = new Float64Array(n);
    this.levy = new Float64Array(n);
    this.projection = new ProjectionScratch(n - 1);
  }

  reset(): void {
    clearPortfolio(this.portfolio);
    this.creditLoss.fill(0);
  }
}

export interface PathResult {
  readonly portfolio: PortfolioFlows;
  readonly projection: BankProjection;
  readonly creditLoss: Float64Array;
  readonly levy: Float64Array;
  readonly paidIn: Float64Array;
}

const NO_DEFAULT = 1 << 30;
/** Compiled runs without capital data (synthetic warm-up runs) weigh nothing. */
const NO_WEIGHT: RiskWeight = { base: 0, withoutPcs: 0 };

/** The stressed portfolio flows, into the workspace. */
export function stressedPortfolio(c: CompiledRun, s: ShockSet, ws: PathWorkspace): void {
  ws.reset();
  const P = ws.portfolio;
  const last = c.years.count;
  const pcsFrom = s.pcsLossFrom;
  const el: readonly LossRate[] = [0, 1, 2].map((k) => ({ base: c.elBase[k]!, withoutPcs: c.elNoPcs[k]!, pcsFrom }));
  // Member defaults falling inside the window.
  let anyMemberDefault = false;
  for (let m = 0; m < MEMBER_CODES.length; m++) {
    const ev = s.memberDefault[MEMBER_CODES[m]!];
    const d = ev !== null && ev.yearIndex <= last ? Math.max(0, ev.yearIndex) : NO_DEFAULT;
    ws.defaultYear[m] = d;
    ws.ead[m] = 0;
    if (d !== NO_DEFAULT) anyMemberDefault = true;
  }
  for (let k = 0; k < c.projects.length; k++) {
    const p = c.projects[k]!;
    const delay = s.delayYears[k]!;
    const u = p.flows[delay];
    if (u === undefined) throw new RangeError(`delay of ${delay} years is beyond the ${c.maxDelay} compiled for ${p.id}`);
    const a = p.amount * s.amountFactor[k]!;
    if (p.offset >= 0 && p.offset <= last) P.commitments[p.offset]! += a;
    // Rows from which a part of this commitment stops performing.
    const projectDefault = p.instrumentIndex === 1 ? s.projectDefaultYear[k]! : -1;
    let sovereignHit = false;
    if (anyMemberDefault && p.instrumentIndex === 0) for (const x of p.countries) if (ws.defaultYear[x.memberIndex]! <= last) sovereignHit = true;
    if (projectDefault >= 0 || sovereignHit) addDefaulting(c, ws, p, u, a, projectDefault, pcsFrom);
    else if (p.instrumentIndex !== 2) addLoanFlows(P, u, a, p.offset, el[p.instrumentIndex]!, p.riskWeight ?? NO_WEIGHT, p.memberSplit ?? memberSplit(p.countries));
    else addStakeFlows(P, u, a, p.offset, el[p.instrumentIndex]!, p.riskWeight ?? NO_WEIGHT, p.memberSplit ?? memberSplit(p.countries));
  }
  for (let m = 0; m < MEMBER_CODES.length; m++) {
    const d = ws.defaultYear[m]!;
    if (d === NO_DEFAULT) continue;
    const ev = s.memberDefault[MEMBER_CODES[m]!]!;
    const lgd = ev.lgd ?? (d >= pcsFrom ? c.lgdNoPcs[0]! : c.lgdBase[0]!);
    settleDefault(c, ws, ws.ead[m]!, d, ev.arrearsYears, lgd, ev.rescheduleYears, 0, [{ memberIndex: m, share: 1 }], pcsFrom);
  }
}

/**
 * A commitment of which part defaults: a non-sovereign borrower from its default
 * year, or a member's share of a sovereign loan from the member's. Only the
 * performing part flows; the exposure at default (balance at the end of the year
 * before) goes to the settlement.
 */
function addDefaulting(c: CompiledRun, ws: PathWorkspace, p: CompiledProject, u: UnitFlows, a: number, projectDefault: number, pcsFrom: number): void {
  const P = ws.portfolio;
  const offset = p.offset;
  const from = Math.max(0, -offset);
  const to = Math.min(u.length - 1, c.years.count - offset);
  const exposure = [P.memberExposure.MLI, P.memberExposure.BFA, P.memberExposure.NER] as const;
  const el = (i: number): number => (i >= pcsFrom ? c.elNoPcs[p.instrumentIndex]! : c.elBase[p.instrumentIndex]!);
  const rw = p.riskWeight ?? NO_WEIGHT;
  for (let t = from; t <= to; t++) {
    const i = offset + t;
    let performing = 1;
    if (projectDefault >= 0 && i >= projectDefault) performing = 0;
    else if (projectDefault < 0) for (const x of p.countries) if (i >= ws.defaultYear[x.memberIndex]!) performing -= x.share;
    if (performing <= 1e-12) continue;
    const b = a * performing;
    P.disbursed[i]! += b * u.disbursed[t]!;
    P.invested[i]! += b * u.invested[t]!;
    P.principal[i]! += b * u.principal[t]!;
    P.interest[i]! += b * u.interest[t]!;
    P.capitalised[i]! += b * u.capitalised[t]!;
    P.fees[i]! += b * u.fees[t]!;
    P.dividends[i]! += b * u.dividends[t]!;
    P.exitProceeds[i]! += b * u.exitProceeds[t]!;
    P.exitCost[i]! += b * u.exitCost[t]!;
    const balance = a * (u.loanBalance[t]! + u.equityHeld[t]!);
    let counted = 0;
    for (const x of p.countries) {
      if (projectDefault >= 0 || i < ws.defaultYear[x.memberIndex]!) {
        exposure[x.memberIndex]![i]! += x.share * balance;
        counted += x.share;
      }
    }
    const loan = a * counted * u.loanBalance[t]!;
    const held = a * counted * u.equityHeld[t]!;
    P.loans[i]! += loan;
    P.equityHeld[i]! += held;
    P.expectedLoss[i]! += el(i) * (loan + held);
    P.riskWeighted[i]! += (i >= pcsFrom ? rw.withoutPcs : rw.base) * (loan + held);
  }
  // Exposure at default: the balance at the end of the year before default.
  const balanceBefore = (d: number): number => {
    const t = d - 1 - offset;
    return t >= 0 && t < u.length ? a * u.loanBalance[t]! : 0;
  };
  if (projectDefault >= 0) {
    const lgd = projectDefault >= pcsFrom ? c.lgdNoPcs[1]! : c.lgdBase[1]!;
    settleDefault(c, ws, balanceBefore(projectDefault), projectDefault, c.nonSovereignWorkoutYears, lgd, c.rescheduleYears, 1, p.countries, pcsFrom);
  } else {
    for (const x of p.countries) {
      const d = ws.defaultYear[x.memberIndex]!;
      if (d <= c.years.count) ws.ead[x.memberIndex]! += x.share * balanceBefore(d);
    }
  }
}

/** Arrears, write-off and the rescheduled remainder of one default (see the file comment). */
function settleDefault(
  c: CompiledRun,
  ws: PathWorkspace,
  E: number,
  d: number,
  arrears: number,
  lgd: number,
  rescheduleYears: number,
  instrument: number,
  shares: readonly { readonly memberIndex: number; readonly share: number }[],
  pcsFrom: number,
): void {
  if (!(E > 0)) return;
  const P = ws.portfolio;
  const last = c.years.count;
  const exposure = [P.memberExposure.MLI, P.memberExposure.BFA, P.memberExposure.NER] as const;
  const addExposure = (i: number, v: number) => {
    for (const x of shares) exposure[x.memberIndex]![i]! += x.share * v;
  };
  // Defaulted and rescheduled exposure weighs as its borrower without preferred-creditor treatment.
  const dw = c.defaultedWeight;
  let w = dw?.nonSovereign ?? 0;
  if (instrument === 0) {
    w = 0;
    for (const x of shares) w += x.share * (dw?.sovereign[x.memberIndex] ?? 0);
  }
  const rw = P.riskWeighted;
  const loss = lgd * E;
  ws.creditLoss[d]! += loss;
  for (let i = d; i <= Math.min(d + arrears - 1, last); i++) {
    P.loans[i]! += E;
    P.nonPerforming[i]! += E;
    P.expectedLoss[i]! += loss;
    rw[i]! += w * E;
    addExposure(i, E);
  }
  const r = d + arrears;
  if (r > last) return;
  P.writeOffs[r]! += loss;
  const B = E - loss;
  const el = (i: number) => (i >= pcsFrom ? c.elNoPcs[instrument]! : c.elBase[instrument]!);
  P.loans[r]! += B;
  P.expectedLoss[r]! += el(r) * B;
  rw[r]! += w * B;
  addExposure(r, B);
  const rate = c.lendingRate[instrument]!;
  const R = Math.max(1, rescheduleYears);
  for (let k = 1; k <= R; k++) {
    const i = r + k;
    if (i > last) break;
    const open = (B * (R - k + 1)) / R;
    const close = (B * (R - k)) / R;
    P.interest[i]! += rate * open;
    P.principal[i]! += B / R;
    P.loans[i]! += close;
    P.expectedLoss[i]! += el(i) * close;
    rw[i]! += w * close;
    addExposure(i, close);
  }
}

/**
 * The borrowing shocks of a shock set; undefined when there are none and no
 * scratch is given (the plain projection). With a scratch and no shock the
 * projection reuses its arrays and keeps the plain arithmetic.
 */
export function projectionShocks(c: CompiledRun, s: ShockSet, scratch?: ProjectionScratch): ProjectionShocks | undefined {
  let shift = false;
  for (let i = 0; i < s.issueRateShift.length; i++) if (s.issueRateShift[i] !== 0) shift = true;
  let closed = false;
  for (let i = 0; i < s.issuanceClosed.length; i++) if (s.issuanceClosed[i] !== 0) closed = true;
  const fx =
    s.pegExit !== null && c.foreignShare > 0 && s.pegExit.yearIndex < c.years.count
      ? { yearIndex: Math.max(0, s.pegExit.yearIndex), foreignShare: c.foreignShare, factor: 1 / (1 - s.pegExit.devaluation) }
      : undefined;
  if (!shift && !closed && fx === undefined && scratch === undefined) return undefined;
  return { ...(shift ? { issueRateShift: s.issueRateShift } : {}), ...(closed ? { issuanceClosed: s.issuanceClosed } : {}), ...(fx ? { fx } : {}), ...(scratch ? { scratch } : {}) };
}

/**
 * The run for paths that draw their own defaults (Monte Carlo): the central
 * case's expected-loss charge would count the same losses twice. The paths
 * report no risk-adjusted capital either (nothing reads it yet), so the
 * projects weigh nothing and the hot loop skips the risk weights.
 */
export function withoutCreditCharge(c: CompiledRun): CompiledRun {
  const { capital: _capital, ...policy } = c.policy;
  return { ...c, policy: { ...policy, expectedLossCharge: false }, projects: c.projects.map((p) => ({ ...p, riskWeight: NO_WEIGHT })) };
}

/** The stressed portfolio and the bank's projection on it. */
export function runPath(c: CompiledRun, s: ShockSet, funding: Funding, ws: PathWorkspace): PathResult {
  stressedPortfolio(c, s, ws);
  for (let i = 0; i < ws.n; i++) ws.levy[i] = funding.levy[i]! * s.levyFactor[i]!;
  const shocks = projectionShocks(c, s, ws.projection);
  const projection = projectBank(
    { years: c.years, openingPaidIn: funding.openingPaidIn, openingLevy: funding.openingLevy ?? 0, paidIn: funding.paidIn, levy: ws.levy, portfolio: ws.portfolio },
    c.policy,
    shocks,
  );
  return { portfolio: ws.portfolio, projection, creditLoss: ws.creditLoss, levy: ws.levy, paidIn: funding.paidIn };
}
