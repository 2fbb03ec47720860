import { describe, expect, it } from 'vitest';
import { createLocale } from '../../src/report/locale.js';
import { parameterRows, parametersTable } from '../../src/report/parameters.js';
import { formatCell, headerLabel, selectColumns } from '../../src/report/table.js';
import { buildTables, fundedTable, membersTable, ratiosTable, reflowsTable, unfundedTable } from '../../src/report/tables.js';
import { makeRunResults } from './fixtures/run-results.js';

const results = makeRunResults();
const fr = createLocale('fr');
const en = createLocale('en');
const col = (t: { columns: readonly { key: string }[] }, key: string) => t.columns.findIndex((c) => c.key === key);

describe('table specs', () => {
  it('every table has unique column keys, a title, and rows as wide as its columns', () => {
    for (const t of buildTables(results, fr)) {
      expect(t.title).not.toBe('');
      expect(new Set(t.columns.map((c) => c.key)).size).toBe(t.columns.length);
      for (const r of t.rows) expect(r.length).toBe(t.columns.length);
      for (const c of t.columns) if (c.kind === 'money') expect(c.unit).toBe('Mds FCFA');
    }
  });

  it('funded projects: those with money approved, best score first, amounts in billions', () => {
    const t = fundedTable(results, fr);
    const funded = results.allocation.filter((r) => r.approved > 0);
    expect(t.rows).toHaveLength(funded.length);
    const scores = t.rows.map((r) => r[col(t, 'score')] as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const total = t.rows.reduce((a, r) => a + (r[col(t, 'approved')] as number), 0);
    expect(total).toBeCloseTo(funded.reduce((a, r) => a + r.approved, 0) / 1000, 9);
  });

  it('unfunded projects each carry a translated reason generated from their binding limit', () => {
    const t = unfundedTable(results, fr);
    const short = results.allocation.filter((r) => r.bindingLimit !== null);
    expect(t.rows.map((r) => r[0])).toEqual(expect.arrayContaining(short.map((r) => r.projectId)));
    for (const r of t.rows) expect(String(r[col(t, 'reason')])).not.toBe('');
    const byId = (id: string) => String(t.rows.find((r) => r[0] === id)?.[col(t, 'reason')]);
    expect(byId('AES-HYD-02')).toContain('«\u00a0Hydroélectricité\u00a0»');
    expect(byId('AES-HYD-02')).toMatch(/30[\u00a0\u202f]%/);
    expect(byId('AES-EXT-01')).toContain('minimum de 2');
    expect(byId('AES-IRR-01')).toMatch(/^Financé en partie \(50,0\u00a0Mds FCFA sur 80,0\u00a0Mds FCFA\)/);
    expect(byId('AES-WAT-01')).toMatch(/plancher de 35[\u00a0\u202f]%/);
    const enT = unfundedTable(results, en);
    expect(String(enT.rows.find((r) => r[0] === 'AES-HUB-01')?.[col(enT, 'reason')])).toBe('Cannot start within the commitment period (2026–2035).');
  });

  it('shortfalls are shown in money only for limits measured in money', () => {
    const t = unfundedTable(results, fr);
    const ext = t.rows.find((r) => r[0] === 'AES-EXT-01')!;
    expect(ext[col(t, 'shortfall')]).toBeNull();
    const rail = t.rows.find((r) => r[0] === 'AES-RAIL-01')!;
    expect(rail[col(t, 'shortfall')]).toBe(84);
  });

  it('ratios: the floor column equals the policy at every year', () => {
    const t = ratiosTable(results, fr);
    for (const r of t.rows) expect(r[col(t, 'equityToLoansFloor')]).toBe(results.scenario.policy.equityToLoansFloor);
  });

  it('members are ordered MLI, BFA, NER then by year', () => {
    const t = membersTable(results, en);
    expect(t.rows[0]?.[0]).toBe('Mali');
    expect(t.rows.at(-1)?.[0]).toBe('Niger');
    expect(t.rows).toHaveLength(results.members.length);
  });

  it('reflows can be restricted to one dimension', () => {
    const total = reflowsTable(results, fr, 'total');
    expect(total.rows).toHaveLength(results.bank.length);
    expect(new Set(total.rows.map((r) => r[1]))).toEqual(new Set(['Total']));
  });

  it('cells format per locale and kind, and headers carry units', () => {
    const t = selectColumns(fundedTable(results, fr), ['approved', 'grantElement', 'commitmentYear']);
    expect(headerLabel(t.columns[0]!, fr)).toBe('Montant approuvé (Mds FCFA)');
    expect(formatCell(300, t.columns[0]!, fr)).toBe('300,0');
    expect(formatCell(0.118, t.columns[1]!, fr)).toMatch(/^11,8[\u00a0\u202f]%$/);
    expect(formatCell(2026, t.columns[2]!, fr)).toBe('2026');
    expect(formatCell(null, t.columns[2]!, fr)).toBe('n.d.');
  });
});

describe('scenario parameters', () => {
  it('lists every parameter of the scenario, each with a label from the catalogue', () => {
    const rows = parameterRows(results.scenario, fr);
    const leaves: string[] = [];
    const walk = (v: unknown, p: string[]) => {
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
      else leaves.push(p.join('.'));
    };
    walk(results.scenario, []);
    expect(rows.map((r) => r.path)).toEqual(leaves);
    for (const r of rows) expect(r.label, r.path).not.toBe(r.path);
  });

  it('formats values by meaning: rates as percentages, enums translated, lists joined', () => {
    const t = parametersTable(results, en);
    const value = (path: string) => t.rows.find((r) => r[3] === path)?.[2];
    expect(value('policy.equityToLoansFloor')).toBe('35%');
    expect(value('lending.sovereign.method')).toBe('equal principal');
    expect(value('funding.operatingExpenses.fixed')).toBe('3.0\u00a0bn FCFA');
    expect(value('allocation.pinned')).toBe('none');
    expect(value('seed')).toBe('20251223');
    expect(value('funding.borrowing.enabled')).toBe('yes');
  });
});
