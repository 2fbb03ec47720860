/**
 * The machinery behind `portfolioReflows` (reflows.ts): one pass over the
 * loans that reads each loan object once and, in steady state, allocates no
 * arrays or objects of its own.
 *
 * Per loan it reads the terms, checks them with a few inline comparisons
 * (the disbursement shares and the custom profile are checked once per
 * distinct content, through small content-hashed tables), then takes one of
 * three paths:
 *
 * - template (default): loans that differ only in `amount` and `startYear`
 *   share one schedule "shape". A schedule is linear in the amount (every
 *   draw, fee, interest and principal — including the final-year remainder
 *   and the custom cap min(pct·base, opening) — scales with it), so the loop
 *   only adds the amount to a weight per (shape, start year). At the end each
 *   shape is run once per start year with the total amount signed then.
 *   Per loan that is O(1), whatever the maturity. Results agree with the
 *   one-loan engine to rounding (a few ulps of the sums); a loan alone in
 *   its (shape, start year) comes out bit for bit.
 * - direct (`exact`, or when the shape table is full): the loan's schedule
 *   is run inline straight into the calendar accumulators (`addLoan`), with
 *   exactly the operations of `fillLoanColumns` in the same order, so the sums
 *   are bit-identical to adding up `loanSchedule` rows loan by loan.
 * - general: anything the inline check does not vouch for (sculpted loans,
 *   maturities over MAX_FAST_YEARS, odd inputs) goes through
 *   `validateLoanTerms` and `fillLoanColumns` as before. An invalid loan makes
 *   the kernel rebuild the full problem list over all loans and throw
 *   `invalid-terms`, exactly as the one-pass validation used to.
 *
 * Accumulators are padded by MAX_FAST_YEARS on both sides of the window so
 * that the inline paths never test whether a year falls inside it: flows
 * before or after the window land in the padding and are dropped.
 *
 * State lives at module level and is reused across calls (grown when needed,
 * reset at the start of each call, so a call that threw leaves nothing
 * behind). The kernel is synchronous and never calls back into the caller's
 * code, so this is safe within a thread; each worker has its own instance.
 */
import { FinanceError, type LoanTermsProblem } from './errors.js';
import { allocateColumns, fillLoanColumns, type LoanColumns } from './loan-columns.js';
import { PROFILE_TOLERANCE_PCT, SHARE_TOLERANCE, validateLoanTerms, type RepaymentStep } from './loan-terms.js';
import type { PortfolioLoan } from './reflows.js';

/** Longest maturity handled inline (and the accumulator padding); longer loans take the general path. */
export const MAX_FAST_YEARS = 256;
/** Distinct schedule shapes kept per call; further shapes are run loan by loan. */
export const MAX_SHAPES = 4096;

const PAD = MAX_FAST_YEARS;
/** Index of the window's first year in the columns `runKernel` returns. */
export const KERNEL_OFFSET = PAD;
const ANNUITY = 0;
const LINEAR = 1;
const BULLET = 2;
const CUSTOM = 3;
/** `dEnd` of a disbursement that the inline path does not accept: larger than any grace. */
const NOT_FAST = 0x3fffffff;
const DEFAULT_SHARES: readonly number[] = [1];

/**
 * The current loan's real-valued terms. They are handed to the non-inlined
 * helpers through this array rather than as arguments, which V8 would box
 * into a fresh heap number per call.
 */
const ARGS = new Float64Array(4);
const AMOUNT = 0;
const RATE = 1;
const FRONT = 2;
const COMMIT = 3;

/** Six calendar columns (debt service is derived at the end). */
export interface KernelColumns {
  readonly disbursed: Float64Array;
  readonly interest: Float64Array;
  readonly capitalized: Float64Array;
  readonly fees: Float64Array;
  readonly principal: Float64Array;
  readonly outstanding: Float64Array;
}

function columns(n: number): KernelColumns {
  return {
    disbursed: new Float64Array(n),
    interest: new Float64Array(n),
    capitalized: new Float64Array(n),
    fees: new Float64Array(n),
    principal: new Float64Array(n),
    outstanding: new Float64Array(n),
  };
}

function zero(c: KernelColumns, from: number, to: number): void {
  c.disbursed.fill(0, from, to);
  c.interest.fill(0, from, to);
  c.capitalized.fill(0, from, to);
  c.fees.fill(0, from, to);
  c.principal.fill(0, from, to);
  c.outstanding.fill(0, from, to);
}

function growF64(a: Float64Array<ArrayBuffer>, need: number): Float64Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Float64Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

function growI32(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

// ---------------------------------------------------------------- hashing

/**
 * A cheap 32-bit digest of a double for hashing: its value at a 2^-30 grain
 * (exact equality is checked separately, so close values merely collide).
 * ToInt32 wraps large values and sends NaN and ±Infinity to 0, never throws.
 */
function digest(x: number): number {
  return (x * 1073741824) | 0;
}

function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x9e3779b1);
  return h ^ (h >>> 16);
}

/**
 * Open-addressing slots for a table whose entries live in parallel arrays
 * owned by the caller; ids are dense from 0. Grows at half load.
 */
class Slots {
  slots = new Int32Array(64).fill(-1);
  hashes = new Int32Array(32);
  count = 0;

  reset(): void {
    if (this.count > 0) this.slots.fill(-1);
    this.count = 0;
  }

  add(h: number): number {
    const id = this.count++;
    this.hashes = growI32(this.hashes, id + 1);
    this.hashes[id] = h;
    if (this.count * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(id, h);
    return id;
  }

  private place(id: number, h: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s]! >= 0) s = (s + 1) & mask;
    this.slots[s] = id;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size).fill(-1);
    for (let id = 0; id < this.count; id++) this.place(id, this.hashes[id]!);
  }
}

// ------------------------------------------- disbursement shares, by content

const dSlots = new Slots();
let dOff = new Int32Array(32);
let dLen = new Int32Array(32);
/** Last tranche index (the draw period), or NOT_FAST for shares the inline path must not take. */
let dEnd = new Int32Array(32);
let dPool = new Float64Array(256);
let dUsed = 0;

/** Id of the shares' content; `dEnd[id]` says whether and how far they draw. -1: not an array of numbers. */
function disbursementId(shares: readonly number[]): number {
  if (!Array.isArray(shares)) return -1;
  const len = shares.length;
  let h = len;
  for (let k = 0; k < len; k++) {
    const v = shares[k];
    if (typeof v !== 'number') return -1; // holes and junk: leave them to validateLoanTerms
    h = (Math.imul(h, 31) + digest(v)) | 0;
  }
  h = mix(h, len);
  const { slots, hashes } = dSlots;
  const mask = slots.length - 1;
  for (let s = h & mask; ; s = (s + 1) & mask) {
    const id = slots[s]!;
    if (id < 0) break;
    if (hashes[id] !== h || dLen[id] !== len) continue;
    const off = dOff[id]!;
    let k = 0;
    while (k < len && dPool[off + k] === shares[k]) k++;
    if (k === len) return id;
  }
  // New content: store and check it once (the checks of validateLoanTerms' checkDisbursement).
  const id = dSlots.add(h);
  dOff = growI32(dOff, id + 1);
  dLen = growI32(dLen, id + 1);
  dEnd = growI32(dEnd, id + 1);
  dPool = growF64(dPool, dUsed + len);
  let ok = len > 0;
  let sum = 0;
  let last = 0;
  for (let k = 0; k < len; k++) {
    const v = shares[k]!;
    dPool[dUsed + k] = v;
    if (!Number.isFinite(v) || v < 0) ok = false;
    else sum += v;
    if (v > 0) last = k;
  }
  if (Math.abs(sum - 1) > SHARE_TOLERANCE) ok = false;
  dOff[id] = dUsed;
  dLen[id] = len;
  dEnd[id] = ok ? last : NOT_FAST;
  dUsed += len;
  return id;
}

// ------------------------------------------------ custom profiles, by content

const pSlots = new Slots();
let pStepOff = new Int32Array(16);
let pStepCount = new Int32Array(16);
/** Offset of the per-year table (0 + pct) / 100 for loan years 0..maxTo; -1 when not usable inline. */
let pTabOff = new Int32Array(16);
let pMinFrom = new Int32Array(16);
let pMaxTo = new Int32Array(16);
let pLastPos = new Int32Array(16);
let pSteps = new Float64Array(96);
let pStepsUsed = 0;
let pTab = new Float64Array(256);
let pTabUsed = 0;
const covered = new Uint8Array(MAX_FAST_YEARS + 1);

/** Id of the profile's content, or -1 when the inline path cannot take it at all. */
function profileId(steps: readonly RepaymentStep[] | undefined): number {
  if (!Array.isArray(steps)) return -1;
  const len = steps.length;
  if (len === 0) return -1;
  let h = len;
  for (let i = 0; i < len; i++) {
    const s: unknown = steps[i];
    if (s === null || typeof s !== 'object') return -1;
    const { from, to, pct } = s as RepaymentStep;
    if (typeof from !== 'number' || typeof to !== 'number' || typeof pct !== 'number') return -1;
    h = mix(h, (from << 16) ^ to ^ digest(pct));
  }
  const { slots, hashes } = pSlots;
  const mask = slots.length - 1;
  for (let s = h & mask; ; s = (s + 1) & mask) {
    const id = slots[s]!;
    if (id < 0) break;
    if (hashes[id] !== h || pStepCount[id] !== len) continue;
    let o = pStepOff[id]!;
    let i = 0;
    for (; i < len; i++, o += 3) {
      const st = steps[i]!;
      if (pSteps[o] !== st.from || pSteps[o + 1] !== st.to || pSteps[o + 2] !== st.pct) break;
    }
    if (i === len) return id;
  }
  const id = pSlots.add(h);
  pStepOff = growI32(pStepOff, id + 1);
  pStepCount = growI32(pStepCount, id + 1);
  pTabOff = growI32(pTabOff, id + 1);
  pMinFrom = growI32(pMinFrom, id + 1);
  pMaxTo = growI32(pMaxTo, id + 1);
  pLastPos = growI32(pLastPos, id + 1);
  pSteps = growF64(pSteps, pStepsUsed + 3 * len);
  pStepOff[id] = pStepsUsed;
  pStepCount[id] = len;
  // The checks of validateLoanTerms' checkProfile that do not depend on the loan;
  // the loan-dependent ones (steps within G+1..N, last repayment in N) are kept
  // as minFrom / maxTo / lastPos and checked per loan.
  let ok = true;
  let minFrom = MAX_FAST_YEARS + 1;
  let maxTo = -1;
  let lastPos = 0;
  let total = 0;
  covered.fill(0);
  for (let i = 0; i < len; i++) {
    const { from, to, pct } = steps[i]!;
    const o = pStepsUsed + 3 * i;
    pSteps[o] = from;
    pSteps[o + 1] = to;
    pSteps[o + 2] = pct;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from > to || from < 0 || to > MAX_FAST_YEARS) {
      ok = false; // invalid, or out of the inline range: validateLoanTerms decides
      continue;
    }
    minFrom = Math.min(minFrom, from);
    maxTo = Math.max(maxTo, to);
    if (!Number.isFinite(pct) || pct < 0) {
      ok = false;
      continue;
    }
    for (let t = from; t <= to; t++) {
      if (covered[t]) ok = false;
      covered[t] = 1;
    }
    total += pct * (to - from + 1);
    if (pct > 0) lastPos = Math.max(lastPos, to);
  }
  if (Math.abs(total - 100) > PROFILE_TOLERANCE_PCT + 1e-9) ok = false;
  pStepsUsed += 3 * len;
  pMinFrom[id] = minFrom;
  pMaxTo[id] = maxTo;
  pLastPos[id] = lastPos;
  if (!ok) {
    pTabOff[id] = -1;
    return id;
  }
  pTab = growF64(pTab, pTabUsed + maxTo + 1);
  pTab.fill(0, pTabUsed, pTabUsed + maxTo + 1);
  for (let i = 0; i < len; i++) {
    const { from, to, pct } = steps[i]!;
    // profilePct sums the steps covering t from 0; with no overlap that is 0 + pct.
    for (let t = from; t <= to; t++) pTab[pTabUsed + t] = (0 + pct) / 100;
  }
  pTabOff[id] = pTabUsed;
  pTabUsed += maxTo + 1;
  return id;
}

// ------------------------------------------------------------ schedule shapes

const sSlots = new Slots();
const sRate = new Float64Array(MAX_SHAPES);
const sFront = new Float64Array(MAX_SHAPES);
const sCommit = new Float64Array(MAX_SHAPES);
const sYears = new Int32Array(MAX_SHAPES);
const sGrace = new Int32Array(MAX_SHAPES);
/** method | capitalize << 2 */
const sMeta = new Int32Array(MAX_SHAPES);
const sDisb = new Int32Array(MAX_SHAPES);
const sProf = new Int32Array(MAX_SHAPES);
/** Offset of the shape's weights in `wPool`: amount signed at each offset −years..span−1 from firstYear. */
const sWeights = new Int32Array(MAX_SHAPES);
let wPool = new Float64Array(4096);
let wUsed = 0;

/** Id of the shape of the loan in ARGS, created when new; -1 when the table is full. */
function shapeId(years: number, grace: number, meta: number, disb: number, prof: number, span: number): number {
  const rate = ARGS[RATE]!;
  const front = ARGS[FRONT]!;
  const commit = ARGS[COMMIT]!;
  const h = mix(mix(years | (grace << 10) | (meta << 20), digest(rate) ^ Math.imul(disb, 0x85ebca6b) ^ (prof << 24)), digest(front) ^ (digest(commit) << 7));
  const { slots, hashes } = sSlots;
  const mask = slots.length - 1;
  for (let s = h & mask; ; s = (s + 1) & mask) {
    const id = slots[s]!;
    if (id < 0) break;
    if (
      hashes[id] === h &&
      sRate[id] === rate &&
      sYears[id] === years &&
      sGrace[id] === grace &&
      sMeta[id] === meta &&
      sDisb[id] === disb &&
      sProf[id] === prof &&
      sFront[id] === front &&
      sCommit[id] === commit
    ) {
      return id;
    }
  }
  if (sSlots.count >= MAX_SHAPES) return -1;
  const id = sSlots.add(h);
  sRate[id] = rate;
  sYears[id] = years;
  sGrace[id] = grace;
  sMeta[id] = meta;
  sDisb[id] = disb;
  sProf[id] = prof;
  sFront[id] = front;
  sCommit[id] = commit;
  const stride = years + span;
  if (wUsed + stride > wPool.length) wPool = growF64(wPool, wUsed + stride); // zero beyond the copy
  sWeights[id] = wUsed;
  wUsed += stride;
  return id;
}

// ------------------------------------------------------------- the arithmetic

/**
 * Adds the schedule of the loan in ARGS to `a`, row t at index k + t (k + 0..k + years must
 * be inside `a`). The operations are those of `fillLoanColumns`, in the same
 * order, with the additions of exact zeros left out (adding ±0 to a sum that
 * started at +0 never changes it), so every value added is bit-identical.
 * The terms must have passed the inline check: drawEnd ≤ grace < years, the
 * shares at `sOff` in `dPool`, the custom table at `pOff` in `pTab`.
 */
function addLoan(
  a: KernelColumns,
  k: number,
  years: number,
  grace: number,
  method: number,
  cap: boolean,
  sOff: number,
  drawEnd: number,
  pOff: number,
): void {
  const D = a.disbursed;
  const I = a.interest;
  const C = a.capitalized;
  const F = a.fees;
  const P = a.principal;
  const O = a.outstanding;
  const S = dPool;
  const amount = ARGS[AMOUNT]!;
  const rate = ARGS[RATE]!;
  const front = ARGS[FRONT]!;
  const commit = ARGS[COMMIT]!;
  // t = 0: the front-end fee and the first draw.
  let drawn = amount * S[sOff]!;
  D[k]! += drawn;
  F[k]! += front * amount;
  let bal = drawn;
  O[k]! += bal;
  // t = 1..drawEnd: interest on what is drawn, the commitment fee on the rest, the next draw.
  let t = 1;
  for (; t <= drawEnd; t++) {
    const j = k + t;
    const interest = rate * bal;
    I[j]! += interest;
    F[j]! += commit * (amount - drawn);
    let b = bal;
    if (cap) {
      C[j]! += interest;
      b = bal + interest;
    }
    const d = amount * S[sOff + t]!;
    D[j]! += d;
    drawn += d;
    bal = b + d;
    O[j]! += bal;
  }
  // t = drawEnd+1..grace: interest only, paid or capitalised.
  for (; t <= grace; t++) {
    const j = k + t;
    const interest = rate * bal;
    I[j]! += interest;
    if (cap) {
      C[j]! += interest;
      bal = bal + interest;
    }
    O[j]! += bal;
  }
  // t = grace+1..years−1: repayment on the end-of-grace balance.
  const base = bal;
  const n = years - grace;
  switch (method) {
    case LINEAR: {
      const level = base / n;
      for (; t < years; t++) {
        const j = k + t;
        I[j]! += rate * bal;
        P[j]! += level;
        bal = bal - level;
        O[j]! += bal;
      }
      break;
    }
    case ANNUITY: {
      const level = rate === 0 ? base / n : (base * rate) / -Math.expm1(-n * Math.log1p(rate));
      for (; t < years; t++) {
        const j = k + t;
        const interest = rate * bal;
        const principal = level - interest;
        I[j]! += interest;
        P[j]! += principal;
        bal = bal - principal;
        O[j]! += bal;
      }
      break;
    }
    case BULLET:
      for (; t < years; t++) {
        const j = k + t;
        I[j]! += rate * bal;
        O[j]! += bal;
      }
      break;
    default: {
      const T = pTab;
      for (; t < years; t++) {
        const j = k + t;
        const interest = rate * bal;
        const principal = Math.min(T[pOff + t]! * base, bal);
        I[j]! += interest;
        P[j]! += principal;
        bal = bal - principal;
        O[j]! += bal;
      }
    }
  }
  // t = years: the final year takes whatever is left; the closing balance is 0.
  const j = k + years;
  I[j]! += rate * bal;
  P[j]! += bal;
}

/**
 * The template path's second half: runs shape `s` once per start year, for
 * the total amount signed in that year. A schedule is linear in the amount,
 * so this is the sum of the loans' schedules up to rounding, and bit-identical
 * to it when a single loan has the shape and start year.
 */
function addShape(a: KernelColumns, s: number, span: number): void {
  ARGS[RATE] = sRate[s]!;
  ARGS[FRONT] = sFront[s]!;
  ARGS[COMMIT] = sCommit[s]!;
  const years = sYears[s]!;
  const grace = sGrace[s]!;
  const meta = sMeta[s]!;
  const method = meta & 3;
  const cap = meta >> 2 !== 0;
  const d = sDisb[s]!;
  const sOff = dOff[d]!;
  const drawEnd = dEnd[d]!;
  const p = sProf[s]!;
  const pOff = p < 0 ? 0 : pTabOff[p]!;
  const W = wPool;
  const w0 = sWeights[s]!;
  const stride = years + span;
  for (let i = 0; i < stride; i++) {
    const w = W[w0 + i]!;
    // Offset i − years from firstYear.
    if (w === 0) continue;
    ARGS[AMOUNT] = w;
    addLoan(a, PAD + i - years, years, grace, method, cap, sOff, drawEnd, pOff);
  }
}

// ---------------------------------------------------------------- the loop

let acc = columns(2 * PAD + 64);
let general: LoanColumns = allocateColumns(64);

/** Builds the full problem list over every loan (the slow way) and throws it as `invalid-terms`. */
export function throwInvalidLoans(loans: readonly PortfolioLoan[]): void {
  const problems: LoanTermsProblem[] = [];
  loans.forEach((loan, i) => {
    for (const p of validateLoanTerms(loan)) problems.push({ field: `loans[${i}].${p.field}`, message: p.message });
    if (!Number.isInteger(loan.startYear)) problems.push({ field: `loans[${i}].startYear`, message: `must be a whole year, got ${loan.startYear}` });
  });
  if (problems.length > 0) {
    const list = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    throw new FinanceError('invalid-terms', `portfolioReflows: invalid loan terms: ${list}`, [], problems);
  }
}

/** A loan the inline check did not vouch for: validate it properly, then run the one-loan engine. */
function generalLoan(loans: readonly PortfolioLoan[], loan: PortfolioLoan, firstYear: number, span: number): void {
  if (validateLoanTerms(loan).length > 0 || !Number.isInteger(loan.startYear)) {
    throwInvalidLoans(loans);
    throw new Error('unreachable: a loan failed validation but the problem list is empty');
  }
  const from = Math.max(0, firstYear - loan.startYear);
  const to = Math.min(loan.years, firstYear + span - 1 - loan.startYear);
  if (from > to) return;
  if (general.closing.length < loan.years + 1) general = allocateColumns(loan.years + 1);
  const g = general;
  fillLoanColumns(loan, g);
  const { disbursed: D, interest: I, capitalized: C, fees: F, principal: P, outstanding: O } = acc;
  const k = PAD + loan.startYear - firstYear;
  for (let t = from; t <= to; t++) {
    const y = k + t;
    D[y]! += g.disbursed[t]!;
    I[y]! += g.interest[t]!;
    C[y]! += g.capitalized[t]!;
    F[y]! += g.fees[t]!;
    P[y]! += g.principal[t]!;
    O[y]! += g.closing[t]!;
  }
}

function methodCode(method: string): number {
  if (method === 'linear') return LINEAR;
  if (method === 'annuity') return ANNUITY;
  if (method === 'custom') return CUSTOM;
  if (method === 'bullet') return BULLET;
  return -1;
}

/**
 * Sums the loans' flows by calendar year firstYear..firstYear+span−1. The
 * result is the returned columns at indices `KERNEL_OFFSET`..+span−1; they
 * belong to the kernel and are overwritten by the next call. `exact` runs
 * every loan directly (bit-identical sums) instead of through the shape
 * templates. Throws `invalid-terms` (all problems, all loans) on a bad loan.
 */
export function runKernel(loans: readonly PortfolioLoan[], firstYear: number, span: number, exact: boolean): KernelColumns {
  const len = span + 2 * PAD;
  if (acc.disbursed.length < len) acc = columns(len);
  const a = acc;
  zero(a, 0, len);
  dSlots.reset();
  dUsed = 0;
  pSlots.reset();
  pStepsUsed = 0;
  pTabUsed = 0;
  sSlots.reset();
  wPool.fill(0, 0, wUsed);
  wUsed = 0;
  const defaultShares = disbursementId(DEFAULT_SHARES);

  let templates = !exact;
  let lastShares: readonly number[] | undefined;
  let lastSharesId = defaultShares;
  let lastProfile: readonly RepaymentStep[] | undefined;
  let lastProfileId = -1;
  const n = loans.length;
  for (let i = 0; i < n; i++) {
    const loan = loans[i]!;
    const amount = loan.amount;
    const rate = loan.rate;
    const years = loan.years;
    const grace = loan.grace;
    const start = loan.startYear;
    const front = loan.frontEndFee;
    const commit = loan.commitmentFee;
    const method = methodCode(loan.method);
    // The inline check: when it passes, validateLoanTerms would find no problem.
    if (
      method < 0 ||
      typeof amount !== 'number' ||
      !(amount >= 0 && amount < Infinity) ||
      typeof rate !== 'number' ||
      !(rate > -1 && rate < Infinity) ||
      (years | 0) !== years ||
      years < 1 ||
      years > MAX_FAST_YEARS ||
      (grace | 0) !== grace ||
      grace < 0 ||
      grace >= years ||
      (start | 0) !== start ||
      (front !== undefined && !(typeof front === 'number' && front >= 0 && front < Infinity)) ||
      (commit !== undefined && !(typeof commit === 'number' && commit >= 0 && commit < Infinity))
    ) {
      generalLoan(loans, loan, firstYear, span);
      continue;
    }
    const shares = loan.disbursement;
    let d = defaultShares;
    if (shares !== undefined) {
      if (shares !== lastShares) {
        lastShares = shares;
        lastSharesId = disbursementId(shares);
      }
      d = lastSharesId;
    }
    if (d < 0 || dEnd[d]! > grace) {
      generalLoan(loans, loan, firstYear, span);
      continue;
    }
    let p = -1;
    if (method === CUSTOM) {
      const profile = loan.profile;
      if (profile !== lastProfile) {
        lastProfile = profile;
        lastProfileId = profileId(profile);
      }
      p = lastProfileId;
      if (p < 0 || pTabOff[p]! < 0 || pMinFrom[p]! <= grace || pMaxTo[p]! > years || pLastPos[p] !== years) {
        generalLoan(loans, loan, firstYear, span);
        continue;
      }
    }
    const offset = start - firstYear;
    if (amount === 0 || offset >= span || offset + years < 0) continue; // adds nothing inside the window
    const cap = loan.capitalize ? true : false;
    ARGS[AMOUNT] = amount;
    ARGS[RATE] = rate;
    ARGS[FRONT] = front === undefined ? 0 : front;
    ARGS[COMMIT] = commit === undefined ? 0 : commit;
    if (templates) {
      const s = shapeId(years, grace, method | (cap ? 4 : 0), d, p, span);
      if (s >= 0) {
        wPool[sWeights[s]! + offset + years]! += amount;
        continue;
      }
      // The table is full: these terms hardly repeat, so stop looking shapes up.
      templates = false;
    }
    addLoan(a, PAD + offset, years, grace, method, cap, dOff[d]!, dEnd[d]!, p < 0 ? 0 : pTabOff[p]!);
  }
  for (let s = 0; s < sSlots.count; s++) addShape(a, s, span);
  return a;
}
