/**
 * The optional analyst CSV of members' debt paths without BCID-AES
 * (`data.memberDebtPaths`), e.g. copied from an IMF/World Bank DSA. One row per
 * member and year; each row replaces that year of the projected path
 * (src/model/members/debt-path.ts). Amounts in millions of FCFA;
 * `pv_external_debt` may be left empty (then derived from the face value).
 */
import type { Diagnostic, WithDiagnostics } from '../diagnostics/diagnostic.js';
import type { MemberDebtPathRow } from '../schema/member-debt.js';
import { readCsvTable, stopAfterTooMany } from './csv-table.js';
import { readMemberYear } from './member-year-key.js';
import { RowReader, checkHeader } from './row-reader.js';

const AMOUNTS = [
  ['gdp', 'gdp'],
  ['revenue', 'revenue'],
  ['exports', 'exports'],
  ['public_debt', 'publicDebt'],
  ['external_debt', 'externalDebt'],
  ['external_debt_service', 'externalDebtService'],
] as const;

export const MEMBER_DEBT_PATH_COLUMNS = ['code', 'year', ...AMOUNTS.map(([c]) => c), 'pv_external_debt', 'source'] as const;

const money = { min: 0, max: 1e9, unit: 'millions of FCFA' };

export function parseMemberDebtPaths(text: string, file: string): WithDiagnostics<readonly MemberDebtPathRow[]> {
  const read = readCsvTable(text, file);
  const problems: Diagnostic[] = [...read.diagnostics];
  const table = read.value;
  if (table === null || !checkHeader(table, MEMBER_DEBT_PATH_COLUMNS, problems)) return { value: [], diagnostics: problems };
  const rows: MemberDebtPathRow[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    if (stopAfterTooMany(table.file, row.line, problems)) break;
    const r = new RowReader(table, row, problems);
    const before = problems.length;
    const { code, year } = readMemberYear(r, row.line, seen);
    const values = {} as Record<(typeof AMOUNTS)[number][1], number>;
    for (const [column, field] of AMOUNTS) values[field] = r.number(column, money);
    const pvExternalDebt = r.optionalNumber('pv_external_debt', money);
    r.text('source', { required: false });
    if (problems.length === before) rows.push({ code, year, ...values, pvExternalDebt });
  }
  return { value: rows, diagnostics: problems };
}
