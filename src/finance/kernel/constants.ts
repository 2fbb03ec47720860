/** Limits and codes shared by the parts of the portfolio kernel (../reflows-kernel.ts). */

/** Longest maturity handled inline (and the accumulator padding); longer loans take the general path. */
export const MAX_FAST_YEARS = 256;
/** Distinct schedule shapes kept per call; further shapes are run loan by loan. */
export const MAX_SHAPES = 4096;
/** `end` of disbursement shares that the inline path does not accept: larger than any grace. */
export const NOT_FAST = 0x3fffffff;

export const ANNUITY = 0;
export const LINEAR = 1;
export const BULLET = 2;
export const CUSTOM = 3;

export function methodCode(method: string): number {
  if (method === 'linear') return LINEAR;
  if (method === 'annuity') return ANNUITY;
  if (method === 'custom') return CUSTOM;
  if (method === 'bullet') return BULLET;
  return -1;
}
