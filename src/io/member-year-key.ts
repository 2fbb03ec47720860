import { MEMBER_CODES, type MemberCode } from '../schema/codes.js';
import type { RowReader } from './row-reader.js';

/**
 * The `code` and `year` of a row keyed by member and year (members.csv, an
 * analyst's debt paths), reporting a second row for the same pair at its year
 * cell. `seen` maps `CODE/year` to the line that gave it first.
 */
export function readMemberYear(r: RowReader, line: number, seen: Map<string, number>): { code: MemberCode; year: number } {
  const code = r.oneOf('code', MEMBER_CODES);
  const year = r.number('year', { integer: true, min: 1990, max: 2100, unit: 'a calendar year' });
  const key = `${code}/${year}`;
  if (seen.has(key)) r.report('year', 'duplicate-row', `${code} ${year} is already given on line ${seen.get(key)}`, { hint: 'keep one row per member and year' });
  else seen.set(key, line);
  return { code, year };
}
