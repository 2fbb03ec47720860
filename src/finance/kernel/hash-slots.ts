/**
 * The small hash-table machinery of the portfolio kernel: a 32-bit digest of
 * doubles, a mixing step, open-addressing slots over entries kept in the
 * caller's parallel arrays, and typed arrays that grow by doubling.
 */

export function growF64(a: Float64Array<ArrayBuffer>, need: number): Float64Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Float64Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

export function growI32(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/**
 * A cheap 32-bit digest of a double for hashing: its value at a 2^-30 grain
 * (exact equality is checked separately, so close values merely collide).
 * ToInt32 wraps large values and sends NaN and ±Infinity to 0, never throws.
 */
export function digest(x: number): number {
  return (x * 1073741824) | 0;
}

export function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x9e3779b1);
  return h ^ (h >>> 16);
}

/**
 * Open-addressing slots for a table whose entries live in parallel arrays
 * owned by the caller; ids are dense from 0. Grows at half load.
 */
export class Slots {
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
