import { describe, expect, it } from 'vitest';
import { chartContext, loansEquityChart } from '../../src/report/charts/index.js';
import { buildDossier, dossierCharts, milestoneYears, type DossierOptions } from '../../src/report/dossier.js';
import { createLocale } from '../../src/report/locale.js';
import { FIXTURE_INPUTS, makeRunResults } from './fixtures/run-results.js';

const results = makeRunResults();
const base: DossierOptions = { lang: 'fr', date: '2025-12-22', dataSource: 'test', inputs: FIXTURE_INPUTS };

describe('dossier document', () => {
  it('has the sections of the brief in order, the risk section only when given', () => {
    const d = buildDossier(results, base);
    expect(d.sections.map((s) => s.id)).toEqual(['summary', 'funding', 'pipeline', 'repayment', 'soundness', 'methodology', 'annex']);
    expect(d.summit).toBe('Sommet des Chefs d’État de l’AES, Bamako, 22–23 décembre 2025');
    expect(d.dateLine).toBe('Date\u00a0: 22 décembre 2025');
    const methodology = d.sections.find((s) => s.id === 'methodology')!;
    expect(methodology.blocks.some((b) => b.kind === 'paragraph' && b.text.startsWith('Aucun test de résistance'))).toBe(true);
  });

  it('the risk hook: paragraphs, tables and chart specs land in section "risk" before the methodology', () => {
    const L = createLocale('fr');
    const extra = { ...loansEquityChart(results, chartContext(results, L, 'test')), id: 'stress-equity-to-loans' };
    const d = buildDossier(results, {
      ...base,
      sections: {
        risk: {
          intro: ['Trois chocs ont été simulés.'],
          tables: [{ id: 'stress', title: 'Résultats', columns: [{ key: 'k', header: 'Choc', unit: null, kind: 'text' }], rows: [['levy-50']] }],
          charts: [extra],
        },
      },
    });
    expect(d.sections.map((s) => s.id)).toEqual(['summary', 'funding', 'pipeline', 'repayment', 'soundness', 'risk', 'methodology', 'annex']);
    const risk = d.sections.find((s) => s.id === 'risk')!;
    expect(risk.title).toBe('Risques et tests de résistance');
    expect(risk.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'chart']);
    expect(dossierCharts(d).map((c) => c.id)).toContain('stress-equity-to-loans');
  });

  it('includes every chart of the brief exactly once', () => {
    const ids = dossierCharts(buildDossier(results, base)).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(
      ['commitments-by-member', 'commitments-by-sector', 'liquidity', 'loans-equity', 'member-debt-service', 'portfolio-reflows', 'prioritisation-quadrant', 'sources-uses'].sort(),
    );
  });

  it('every unfunded project appears with its reason in the pipeline section', () => {
    const d = buildDossier(results, { ...base, lang: 'en' });
    const pipeline = d.sections.find((s) => s.id === 'pipeline')!;
    const tables = pipeline.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
    const unfunded = tables.find((t) => t.id === 'unfunded-projects')!;
    const reason = unfunded.columns.findIndex((c) => c.key === 'reason');
    for (const r of results.allocation.filter((a) => a.bindingLimit !== null)) {
      const row = unfunded.rows.find((x) => x[0] === r.projectId);
      expect(row, r.projectId).toBeDefined();
      expect(String(row![reason])).not.toBe('');
    }
  });

  it('lists every input with its hash and flags estimates', () => {
    const d = buildDossier(results, base);
    const m = d.sections.find((s) => s.id === 'methodology')!;
    const inputs = m.blocks.flatMap((b) => (b.kind === 'table' && b.table.id === 'inputs' ? [b.table] : []))[0]!;
    expect(inputs.rows.map((r) => r[3])).toEqual(FIXTURE_INPUTS.map((i) => i.sha256));
    expect(inputs.rows.map((r) => r[2])).toContain('⚠ estimation');
  });

  it('summary tables keep the first year, multiples of five and the last year', () => {
    expect([...milestoneYears([2026, 2027, 2028, 2029, 2030, 2031, 2035, 2041])]).toEqual([2026, 2030, 2035, 2041]);
  });

  it('a failed invariant check is announced in the summary', () => {
    const bad = { ...results, checks: [...results.checks, { name: 'cash-flow', ok: false, largestError: 3, year: 2031, detail: 'gap' }] };
    const d = buildDossier(bad, base);
    expect(d.sections[0]!.blocks.some((b) => b.kind === 'callout' && b.tone === 'warning')).toBe(true);
  });
});
