/** Number formats of the English terminal summaries. */
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** One decimal, thousands separators; a value that rounds to zero prints 0.0, never -0.0. */
export function money(x: number): string {
  return grouped.format(Math.abs(x) < 0.05 ? 0 : x);
}

export function percent(x: number | null, digits = 1): string {
  return x === null || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(digits)} %`;
}

/** Millions of FCFA as "12.3 bn FCFA". */
export const bn = (mfcfa: number): string => `${money(mfcfa / 1000)} bn FCFA`;
