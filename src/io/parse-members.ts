import type { Diagnostic, WithDiagnostics } from '../diagnostics/diagnostic.js';
import { CONFIDENCES, DEBT_CAPACITIES } from '../schema/codes.js';
import type { MemberYear } from '../schema/records.js';
import { readCsvTable, stopAfterTooMany } from './csv-table.js';
import { readMemberYear } from './member-year-key.js';
import { RowReader, checkHeader } from './row-reader.js';

const FIGURES = [
  ['population', 'population', 'millions of persons'],
  ['gdp', 'gdp', 'millions of FCFA'],
  ['revenue', 'revenue', 'millions of FCFA'],
  ['exports', 'exports', 'millions of FCFA'],
  ['public_debt', 'publicDebt', 'millions of FCFA'],
  ['external_debt', 'externalDebt', 'millions of FCFA'],
] as const;

export const MEMBER_COLUMNS = [
  'code', 'year', 'name_fr', 'name_en', 'name_ar', 'debt_capacity',
  ...FIGURES.flatMap(([column]) => [column, `${column}_conf`]),
  'source',
] as const;

export function parseMembers(text: string, file: string): WithDiagnostics<readonly MemberYear[]> {
  const read = readCsvTable(text, file);
  const problems: Diagnostic[] = [...read.diagnostics];
  const table = read.value;
  if (table === null || !checkHeader(table, MEMBER_COLUMNS, problems)) return { value: [], diagnostics: problems };

  const members: MemberYear[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    if (stopAfterTooMany(table.file, row.line, problems)) break;
    const r = new RowReader(table, row, problems);
    const before = problems.length;
    const { code, year } = readMemberYear(r, row.line, seen);
    const values = {} as Record<(typeof FIGURES)[number][1], number>;
    const confidence = {} as Record<(typeof FIGURES)[number][1], (typeof CONFIDENCES)[number]>;
    for (const [column, field, unit] of FIGURES) {
      values[field] = r.number(column, { min: 0, max: column === 'population' ? 1000 : 1e9, unit });
      confidence[field] = r.oneOf(`${column}_conf`, CONFIDENCES);
    }
    const member: MemberYear = {
      code,
      year,
      names: { fr: r.text('name_fr'), en: r.text('name_en'), ar: r.text('name_ar') },
      debtCapacity: r.oneOf('debt_capacity', DEBT_CAPACITIES),
      ...values,
      confidence,
      source: r.text('source', { required: false }),
      origin: r.position('code'),
    };
    if (problems.length === before) members.push(member);
  }
  return { value: members, diagnostics: problems };
}
