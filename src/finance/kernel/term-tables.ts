/**
 * Disbursement shares and custom repayment profiles, stored once per distinct
 * content so that the kernel checks each content once, not once per loan.
 * The checks are those of `validateLoanTerms` that do not depend on the loan;
 * what does (the draw period against the grace, the profile's steps against
 * grace and maturity) is kept per entry and checked per loan by the caller.
 */
import { PROFILE_TOLERANCE_PCT, SHARE_TOLERANCE, type RepaymentStep } from '../loan-terms.js';
import { MAX_FAST_YEARS, NOT_FAST } from './constants.js';
import { digest, growF64, growI32, mix, Slots } from './hash-slots.js';

/** Disbursement shares by content; `pool[off[id] + t]` is the share drawn in loan year t. */
export class ShareTable {
  private readonly slots = new Slots();
  off = new Int32Array(32);
  len = new Int32Array(32);
  /** Last tranche index (the draw period), or NOT_FAST for shares the inline path must not take. */
  end = new Int32Array(32);
  pool = new Float64Array(256);
  private used = 0;

  reset(): void {
    this.slots.reset();
    this.used = 0;
  }

  /** Id of the shares' content; `end[id]` says whether and how far they draw. -1: not an array of numbers. */
  id(shares: readonly number[]): number {
    if (!Array.isArray(shares)) return -1;
    const len = shares.length;
    let h = len;
    for (let k = 0; k < len; k++) {
      const v = shares[k];
      if (typeof v !== 'number') return -1; // holes and junk: leave them to validateLoanTerms
      h = (Math.imul(h, 31) + digest(v)) | 0;
    }
    h = mix(h, len);
    const { slots, hashes } = this.slots;
    const mask = slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const id = slots[s]!;
      if (id < 0) break;
      if (hashes[id] !== h || this.len[id] !== len) continue;
      const off = this.off[id]!;
      let k = 0;
      while (k < len && this.pool[off + k] === shares[k]) k++;
      if (k === len) return id;
    }
    // New content: store and check it once (the checks of validateLoanTerms' checkDisbursement).
    const id = this.slots.add(h);
    this.off = growI32(this.off, id + 1);
    this.len = growI32(this.len, id + 1);
    this.end = growI32(this.end, id + 1);
    this.pool = growF64(this.pool, this.used + len);
    let ok = len > 0;
    let sum = 0;
    let last = 0;
    for (let k = 0; k < len; k++) {
      const v = shares[k]!;
      this.pool[this.used + k] = v;
      if (!Number.isFinite(v) || v < 0) ok = false;
      else sum += v;
      if (v > 0) last = k;
    }
    if (Math.abs(sum - 1) > SHARE_TOLERANCE) ok = false;
    this.off[id] = this.used;
    this.len[id] = len;
    this.end[id] = ok ? last : NOT_FAST;
    this.used += len;
    return id;
  }
}

/**
 * Custom profiles by content. `tab[tabOff[id] + t]` is the share of the
 * end-of-grace balance repaid in loan year t; `tabOff[id]` is -1 when the
 * profile is not usable inline. minFrom / maxTo / lastPos are the per-loan
 * checks (steps within G+1..N, last repayment in N).
 */
export class ProfileTable {
  private readonly slots = new Slots();
  private stepOff = new Int32Array(16);
  private stepCount = new Int32Array(16);
  tabOff = new Int32Array(16);
  minFrom = new Int32Array(16);
  maxTo = new Int32Array(16);
  lastPos = new Int32Array(16);
  private steps = new Float64Array(96);
  private stepsUsed = 0;
  tab = new Float64Array(256);
  private tabUsed = 0;
  private readonly covered = new Uint8Array(MAX_FAST_YEARS + 1);

  reset(): void {
    this.slots.reset();
    this.stepsUsed = 0;
    this.tabUsed = 0;
  }

  /** Id of the profile's content, or -1 when the inline path cannot take it at all. */
  id(profile: readonly RepaymentStep[] | undefined): number {
    if (!Array.isArray(profile)) return -1;
    const len = profile.length;
    if (len === 0) return -1;
    let h = len;
    for (let i = 0; i < len; i++) {
      const s: unknown = profile[i];
      if (s === null || typeof s !== 'object') return -1;
      const { from, to, pct } = s as RepaymentStep;
      if (typeof from !== 'number' || typeof to !== 'number' || typeof pct !== 'number') return -1;
      h = mix(h, (from << 16) ^ to ^ digest(pct));
    }
    const { slots, hashes } = this.slots;
    const mask = slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const id = slots[s]!;
      if (id < 0) break;
      if (hashes[id] !== h || this.stepCount[id] !== len) continue;
      let o = this.stepOff[id]!;
      let i = 0;
      for (; i < len; i++, o += 3) {
        const st = profile[i]!;
        if (this.steps[o] !== st.from || this.steps[o + 1] !== st.to || this.steps[o + 2] !== st.pct) break;
      }
      if (i === len) return id;
    }
    return this.store(profile, h);
  }

  private store(profile: readonly RepaymentStep[], h: number): number {
    const len = profile.length;
    const id = this.slots.add(h);
    this.stepOff = growI32(this.stepOff, id + 1);
    this.stepCount = growI32(this.stepCount, id + 1);
    this.tabOff = growI32(this.tabOff, id + 1);
    this.minFrom = growI32(this.minFrom, id + 1);
    this.maxTo = growI32(this.maxTo, id + 1);
    this.lastPos = growI32(this.lastPos, id + 1);
    this.steps = growF64(this.steps, this.stepsUsed + 3 * len);
    this.stepOff[id] = this.stepsUsed;
    this.stepCount[id] = len;
    // The checks of validateLoanTerms' checkProfile that do not depend on the loan.
    let ok = true;
    let minFrom = MAX_FAST_YEARS + 1;
    let maxTo = -1;
    let lastPos = 0;
    let total = 0;
    const covered = this.covered.fill(0);
    for (let i = 0; i < len; i++) {
      const { from, to, pct } = profile[i]!;
      const o = this.stepsUsed + 3 * i;
      this.steps[o] = from;
      this.steps[o + 1] = to;
      this.steps[o + 2] = pct;
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
    this.stepsUsed += 3 * len;
    this.minFrom[id] = minFrom;
    this.maxTo[id] = maxTo;
    this.lastPos[id] = lastPos;
    if (!ok) {
      this.tabOff[id] = -1;
      return id;
    }
    this.tab = growF64(this.tab, this.tabUsed + maxTo + 1);
    this.tab.fill(0, this.tabUsed, this.tabUsed + maxTo + 1);
    for (let i = 0; i < len; i++) {
      const { from, to, pct } = profile[i]!;
      // profilePct sums the steps covering t from 0; with no overlap that is 0 + pct.
      for (let t = from; t <= to; t++) this.tab[this.tabUsed + t] = (0 + pct) / 100;
    }
    this.tabOff[id] = this.tabUsed;
    this.tabUsed += maxTo + 1;
    return id;
  }
}
