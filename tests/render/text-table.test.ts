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
  it('says what is committed by the last commitment year, the same fact as the first key figure', async () => {
    const { renderSummary } = await import('../../src/render/summary.js');
    const { runSummarySpec } = await import('../../src/report/summaries/run.js');
    const { committedInWindow } = await import('../../src/report/key-figures.js');
    const en = createLocale('en');
    const out = renderSummary(runSummarySpec(results), en);
    const committed = committedInWindow(results);
    // The fixture's window ends in 2035; the sum is over funded projects committed by then.
    expect(committed.year).toBe(results.scenario.allocation.lastCommitmentYear);
    const byHand = results.allocation.filter((a) => a.approved > 0 && (a.commitmentYear ?? Infinity) <= 2035).reduce((s, a) => s + a.approved, 0);
    expect(committed.amount).toBeCloseTo(byHand, 9);
    const line = out.split('\n').find((l) => l.trimStart().startsWith('Committed by'));
    expect(line).toBe(`  ${'Committed by 2035'.padEnd(23)}  ${(byHand / 1000).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} bn FCFA`);
    expect(out).not.toContain('Committed by 2030');
  });

  it('draws the funded list with the one terminal-table writer, one row per funded project', async () => {
    const { renderSummary } = await import('../../src/render/summary.js');
    const { runSummarySpec } = await import('../../src/report/summaries/run.js');
    const out = renderSummary(runSummarySpec(results), createLocale('en'));
    const lines = out.split('\n');
    const header = lines.findIndex((l) => /^id\s+project\s+members\s+sector\s+year\s+approved\s+score$/.test(l));
    expect(header).toBeGreaterThan(0);
    expect(lines[header - 2]).toBe('Funded projects (amounts in bn FCFA)');
    const funded = results.allocation.filter((a) => a.funded).length;
    expect(lines.slice(header + 2, header + 2 + funded).every((l) => /^AES-/.test(l))).toBe(true);
  });
});
