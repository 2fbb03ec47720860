import { describe, expect, it } from 'vitest';
import { displayWidth, renderTextTable } from '../../src/render/text-table.js';
import { createLocale } from '../../src/report/locale.js';
import { selectColumns } from '../../src/report/table.js';
import { fundedTable, ratiosTable } from '../../src/report/tables.js';
import { makeRunResults } from '../report/fixtures/run-results.js';

const results = makeRunResults();

describe('terminal tables', () => {
  it('right-aligns numbers and left-aligns text under a rule', () => {
    const t = selectColumns(fundedTable(results, createLocale('en')), ['id', 'approved', 'commitmentYear']);
    const lines = renderTextTable(t, createLocale('en')).trimEnd().split('\n');
    expect(lines[0]).toBe('Projects funded');
    expect(lines[2]).toMatch(/^Code\s+Approved \(bn FCFA\)\s+Commitment year$/);
    expect(lines[3]).toMatch(/^─+ {2}─+ {2}─+$/);
    const body = lines.slice(4);
    expect(body).toHaveLength(t.rows.length);
    const ends = body.map((l) => displayWidth(l));
    expect(new Set(ends).size).toBe(1);
    expect(body[0]).toMatch(/^AES-\S+\s+300\.0\s+2026$/);
  });

  it('formats numbers for the language and keeps columns aligned with non-breaking spaces', () => {
    const out = renderTextTable(selectColumns(ratiosTable(results, createLocale('fr')), ['year', 'equityToLoans']), createLocale('fr'), { title: false });
    const lines = out.trimEnd().split('\n').slice(2);
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
    expect(out).toMatch(/\d,\d[\u00a0\u202f]%/);
  });

  it('cuts long text with an ellipsis and flattens line breaks', () => {
    const t = { id: 'x', title: 'x', columns: [{ key: 'a', header: 'A', unit: null, kind: 'text' as const }], rows: [['ligne 1\nligne 2 ' + 'x'.repeat(80)]] };
    const line = renderTextTable(t, createLocale('fr'), { maxColumnWidth: 20, title: false }).split('\n')[2]!;
    expect(displayWidth(line)).toBe(20);
    expect(line.endsWith('…')).toBe(true);
    expect(line).not.toContain('\n');
  });
});

describe('run summary for the terminal', () => {
  it('lists every key figure with its sentence, warnings marked', async () => {
    const { renderRunSummary } = await import('../../src/render/summary.js');
    const { keyFigures } = await import('../../src/report/key-figures.js');
    const out = renderRunSummary(results, 'en');
    for (const k of keyFigures(results, createLocale('en'))) {
      expect(out).toContain(`${k.label}: ${k.value}`);
      expect(out).toContain(k.sentence);
    }
    expect(out).toMatch(/^! Liquidity, lowest: /m);
    expect(renderRunSummary(results)).toContain('Engagements d’ici 2035\u00a0: ');
  });
});
