import { stringify } from 'csv-stringify/sync';
import type { RunResults } from '../model/results.js';
import { neutralizeFormula } from '../render/neutralize-formula.js';
import { flatMemberRow } from '../report/tables/member-debt.js';

type Cell = string | number | boolean | null;

/** The machine-readable tables of results.json, as CSV files named `tables/<table>.csv`. */
export function resultTablesCsv(results: RunResults, dialect: 'rfc' | 'fr'): [string, string][] {
  const allocation = results.allocation.map((a) => ({
    projectId: a.projectId,
    name: a.name,
    countries: a.countries.map((c) => `${c.member}:${c.share}`).join('|'),
    sector: a.sector,
    instrument: a.instrument,
    score: a.score,
    financialEconomicIndex: a.financialEconomicIndex,
    socialIntegrationIndex: a.socialIntegrationIndex,
    npv: a.npv,
    cost: a.cost,
    requested: a.requested,
    approved: a.approved,
    commitmentYear: a.commitmentYear,
    funded: a.funded,
    bindingLimit: a.bindingLimit,
    shortfall: a.shortfall,
    reason: a.reason,
    grantElement: a.grantElement,
    concessional: a.concessional,
  }));
  const tables: [string, readonly Record<string, Cell>[]][] = [
    ['allocation', allocation],
    ['bank', results.bank as unknown as Record<string, Cell>[]],
    ['members', results.members.map(flatMemberRow)],
    ['reflows', results.reflows as unknown as Record<string, Cell>[]],
    ['checks', results.checks as unknown as Record<string, Cell>[]],
  ];
  return tables.map(([name, rows]) => [`tables/${name}.csv`, toCsv(rows, dialect)]);
}

export function toCsv(rows: readonly Record<string, Cell>[], dialect: 'rfc' | 'fr'): string {
  const columns = rows.length > 0 ? Object.keys(rows[0]!) : [];
  const french = dialect === 'fr';
  const cell = (v: Cell): string => {
    if (v === null) return '';
    if (typeof v === 'number') {
      const s = Number.isFinite(v) ? String(v) : '';
      return french ? s.replace('.', ',') : s;
    }
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    return neutralizeFormula(v);
  };
  return stringify(
    rows.map((r) => columns.map((c) => cell(r[c] ?? null))),
    {
      header: true,
      columns,
      delimiter: french ? ';' : ',',
      bom: french,
      record_delimiter: french ? 'windows' : 'unix',
    },
  );
}
