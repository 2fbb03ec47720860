/**
 * The machine-readable tables of results.json as plain records (field name →
 * value), one list per table: what `tables/<table>.csv` holds, with the field
 * names of results.json rather than translated headers.
 */
import type { RunResults } from '../model/results.js';

export type RecordCell = string | number | boolean | null;
export type ResultRecords = readonly Readonly<Record<string, RecordCell>>[];

export function resultRecords(results: RunResults): [name: string, rows: ResultRecords][] {
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
  }));
  return [
    ['allocation', allocation],
    ['bank', results.bank as unknown as ResultRecords],
    ['members', results.members as unknown as ResultRecords],
    ['reflows', results.reflows as unknown as ResultRecords],
    ['checks', results.checks as unknown as ResultRecords],
  ];
}
