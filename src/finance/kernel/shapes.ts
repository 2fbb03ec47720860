/**
 * Schedule shapes: loans that differ only in `amount` and `startYear` share
 * one shape. A schedule is linear in the amount (every draw, fee, interest
 * and principal — including the final-year remainder and the custom cap
 * min(pct·base, opening) — scales with it), so the kernel only adds each
 * loan's amount to a weight per (shape, start year), and at the end runs each
 * shape once per start year with the total amount signed then. That is the
 * sum of the loans' schedules up to rounding, and bit-identical to it when a
 * single loan has the shape and start year.
 */
import { MAX_SHAPES } from './constants.js';
import { digest, growF64, mix, Slots } from './hash-slots.js';
import { addLoan, AMOUNT, ARGS, COMMIT, FRONT, RATE, type KernelColumns } from './inline-schedule.js';
import type { ProfileTable, ShareTable } from './term-tables.js';

export class ShapeTable {
  private readonly slots = new Slots();
  private readonly rate = new Float64Array(MAX_SHAPES);
  private readonly front = new Float64Array(MAX_SHAPES);
  private readonly commit = new Float64Array(MAX_SHAPES);
  private readonly years = new Int32Array(MAX_SHAPES);
  private readonly grace = new Int32Array(MAX_SHAPES);
  /** method | capitalize << 2 */
  private readonly meta = new Int32Array(MAX_SHAPES);
  private readonly disb = new Int32Array(MAX_SHAPES);
  private readonly prof = new Int32Array(MAX_SHAPES);
  /** Offset of the shape's weights in `pool`: amount signed at each offset −years..span−1 from firstYear. */
  readonly weights = new Int32Array(MAX_SHAPES);
  pool = new Float64Array(4096);
  private used = 0;

  reset(): void {
    this.slots.reset();
    this.pool.fill(0, 0, this.used);
    this.used = 0;
  }

  /** Id of the shape of the loan in ARGS, created when new; -1 when the table is full. */
  id(years: number, grace: number, meta: number, disb: number, prof: number, span: number): number {
    const rate = ARGS[RATE]!;
    const front = ARGS[FRONT]!;
    const commit = ARGS[COMMIT]!;
    const h = mix(mix(years | (grace << 10) | (meta << 20), digest(rate) ^ Math.imul(disb, 0x85ebca6b) ^ (prof << 24)), digest(front) ^ (digest(commit) << 7));
    const { slots, hashes } = this.slots;
    const mask = slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const id = slots[s]!;
      if (id < 0) break;
      if (
        hashes[id] === h &&
        this.rate[id] === rate &&
        this.years[id] === years &&
        this.grace[id] === grace &&
        this.meta[id] === meta &&
        this.disb[id] === disb &&
        this.prof[id] === prof &&
        this.front[id] === front &&
        this.commit[id] === commit
      ) {
        return id;
      }
    }
    if (this.slots.count >= MAX_SHAPES) return -1;
    const id = this.slots.add(h);
    this.rate[id] = rate;
    this.years[id] = years;
    this.grace[id] = grace;
    this.meta[id] = meta;
    this.disb[id] = disb;
    this.prof[id] = prof;
    this.front[id] = front;
    this.commit[id] = commit;
    const stride = years + span;
    if (this.used + stride > this.pool.length) this.pool = growF64(this.pool, this.used + stride); // zero beyond the copy
    this.weights[id] = this.used;
    this.used += stride;
    return id;
  }

  /** Runs every shape once per start year with its weight, into `a` (window's first year at index `pad`). */
  runAll(a: KernelColumns, shares: ShareTable, profiles: ProfileTable, pad: number, span: number): void {
    const tables = { shares: shares.pool, profile: profiles.tab };
    for (let s = 0; s < this.slots.count; s++) {
      ARGS[RATE] = this.rate[s]!;
      ARGS[FRONT] = this.front[s]!;
      ARGS[COMMIT] = this.commit[s]!;
      const years = this.years[s]!;
      const grace = this.grace[s]!;
      const meta = this.meta[s]!;
      const method = meta & 3;
      const cap = meta >> 2 !== 0;
      const d = this.disb[s]!;
      const sOff = shares.off[d]!;
      const drawEnd = shares.end[d]!;
      const p = this.prof[s]!;
      const pOff = p < 0 ? 0 : profiles.tabOff[p]!;
      const W = this.pool;
      const w0 = this.weights[s]!;
      const stride = years + span;
      for (let i = 0; i < stride; i++) {
        const w = W[w0 + i]!;
        // Offset i − years from firstYear.
        if (w === 0) continue;
        ARGS[AMOUNT] = w;
        addLoan(a, tables, pad + i - years, years, grace, method, cap, sOff, drawEnd, pOff);
      }
    }
  }
}
