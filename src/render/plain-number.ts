/**
 * A number as plain decimal digits, never in exponent notation: `1e+308` and
 * `5e-9` are read as text (or as dates) by spreadsheets and by many CSV readers.
 * The digits are those of JavaScript's shortest round-trip form, only moved
 * around the decimal point, so the value read back is exactly the same double.
 */
export function plainNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const text = String(x);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign = '', lead = '', rest = '', exp = '0'] = m;
  const digits = lead + rest;
  const point = 1 + Number(exp); // position of the decimal point in `digits`
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
