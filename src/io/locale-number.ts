/**
 * Reads a number as Excel writes it in English or French locales:
 * "1234.5", "1,234.5", "1 234,5" (with U+00A0 or U+202F thousands separators), "-0,5".
 * Returns null when the text is not a plain finite decimal number, so that the
 * caller can say which cell is wrong: `NaN`, `Infinity` and `1e999` are refused.
 */
const SEPARATOR_SPACES = /[\s\u00a0\u202f']/g;
const PLAIN = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d{1,3})?$/;
const ENGLISH_THOUSANDS = /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/;

export function parseLocaleNumber(raw: string, decimalComma: boolean): number | null {
  let s = raw.replace(SEPARATOR_SPACES, '');
  if (s === '') return null;
  if (s.includes(',')) {
    if (decimalComma) s = s.replace(/\./g, '').replace(',', '.');
    else if (ENGLISH_THOUSANDS.test(s)) s = s.replace(/,/g, '');
    else return null;
  }
  if (!PLAIN.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
