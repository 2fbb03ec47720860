import type { Diagnostic, WithDiagnostics } from '../diagnostics/diagnostic.js';
import { MEMBER_CODES } from '../schema/codes.js';
import type { Contribution } from '../schema/records.js';
import { readCsvTable, stopAfterTooMany } from './csv-table.js';
import { RowReader, checkHeader } from './row-reader.js';

export const CONTRIBUTION_COLUMNS = ['member', 'year', 'paid_in', 'callable', 'levy', 'basis', 'source'] as const;

const MFCFA = 'millions of FCFA';
/** Far above the announced 500 bn capital: catches amounts typed in FCFA instead of millions. */
export const ABSURD_AMOUNT = 10_000_000;

export function parseContributions(text: string, file: string): WithDiagnostics<readonly Contribution[]> {
  const read = readCsvTable(text, file);
  const problems: Diagnostic[] = [...read.diagnostics];
  const table = read.value;
  if (table === null || !checkHeader(table, CONTRIBUTION_COLUMNS, problems)) return { value: [], diagnostics: problems };

  const contributions: Contribution[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    if (stopAfterTooMany(table.file, row.line, problems)) break;
    const r = new RowReader(table, row, problems);
    const before = problems.length;
    const member = r.oneOf('member', MEMBER_CODES);
    const year = r.number('year', { integer: true, min: 1990, max: 2100, unit: 'a calendar year' });
    const key = `${member}/${year}`;
    if (seen.has(key)) {
      r.report('year', 'duplicate-row', `${member} ${year} is already given on line ${seen.get(key)}`, { hint: 'keep one row per member and year' });
    } else seen.set(key, row.line);
    const contribution: Contribution = {
      member,
      year,
      paidIn: r.number('paid_in', { min: 0, max: ABSURD_AMOUNT, unit: MFCFA }),
      callable: r.number('callable', { min: 0, max: ABSURD_AMOUNT, unit: MFCFA }),
      levy: r.number('levy', { min: 0, max: ABSURD_AMOUNT, unit: MFCFA }),
      basis: r.oneOf('basis', ['published', 'estimate'] as const),
      source: r.text('source', { required: false }),
      origin: r.position('member'),
    };
    if (problems.length === before) contributions.push(contribution);
  }
  return { value: contributions, diagnostics: problems };
}
