/**
 * What a number or a date typed on the command line may look like. `Number()`
 * alone reads `0x10` as 16 and `0b11` as 3, and `Date.parse('2025-02-30')`
 * rolls over to 2 March: a flag value is read as the analyst wrote it, or refused.
 */

/** Plain decimal: optional sign, digits, optional fraction, optional exponent (`1e6`, `0.0075`, `-3`). */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function isDecimalNumeral(raw: string): boolean {
  return DECIMAL.test(raw.trim());
}

/** A real calendar day written YYYY-MM-DD (leap years counted), between 1900 and 2999. */
export function isCalendarDate(raw: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}
