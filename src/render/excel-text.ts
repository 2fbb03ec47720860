import { neutraliseFormula } from './csv.js';

/** Excel's limit for one cell (characters, as UTF-16 units); a longer text makes Excel "repair" the file. */
export const EXCEL_CELL_LIMIT = 32_767;

/** The marker that ends a truncated cell: says how long the text was and where it is whole. */
export function truncationMarker(length: number): string {
  return ` … [truncated: ${length.toLocaleString('en-US')} characters, Excel holds ${EXCEL_CELL_LIMIT.toLocaleString('en-US')} per cell; the full text is in the CSV file]`;
}

/**
 * A text for a workbook cell: neutralised against formula injection, and cut
 * to Excel's limit with a visible marker (never in the middle of a surrogate pair).
 */
export function excelText(raw: string): { readonly text: string; readonly truncated: boolean } {
  const text = neutraliseFormula(raw);
  if (text.length <= EXCEL_CELL_LIMIT) return { text, truncated: false };
  const marker = truncationMarker(text.length);
  let cut = EXCEL_CELL_LIMIT - marker.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return { text: text.slice(0, cut) + marker, truncated: true };
}
