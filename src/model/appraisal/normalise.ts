/**
 * Min-max normalisation over the pipeline (World Bank IPF, docs/domain-facts.md §6):
 * the best project on a criterion gets 1, the worst 0. When every project has
 * the same value the criterion cannot rank them; all get 1, so the criterion
 * neither helps nor hurts anyone and a one-project pipeline is not scored 0.
 */
export function minMax(values: readonly number[]): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const span = hi - lo;
  if (!(span > 0)) return values.map(() => 1);
  return values.map((v) => (v - lo) / span);
}

/** Weighted mean with weights rescaled to sum to 1; 0 when every weight is 0. */
export function weightedIndex(pairs: readonly (readonly [weight: number, value: number])[]): number {
  let w = 0;
  let s = 0;
  for (const [weight, value] of pairs) {
    w += weight;
    s += weight * value;
  }
  return w > 0 ? s / w : 0;
}
