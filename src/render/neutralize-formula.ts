/**
 * OWASP CSV-injection guidance: a text cell that starts with = + - @ tab or CR
 * could run as a formula when the file is opened in Excel. Prefix it with an
 * apostrophe so it shows as text. Numbers are written as numbers and never pass here.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
