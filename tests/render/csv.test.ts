import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvText, neutraliseFormula, plainNumber, renderCsv } from '../../src/render/csv.js';
import { createLocale } from '../../src/report/locale.js';
import type { TableSpec } from '../../src/report/table.js';
import { buildTables } from '../../src/report/tables.js';
import { makeRunResults } from '../report/fixtures/run-results.js';

const fr = createLocale('fr');
const en = createLocale('en');
const table: TableSpec = {
  id: 't',
  title: 'T',
  columns: [
    { key: 'name', header: 'Projet', unit: null, kind: 'text' },
    { key: 'amount', header: 'Montant', unit: 'Mds FCFA', kind: 'money' },
    { key: 'share', header: 'Part', unit: '%', kind: 'ratio' },
  ],
  rows: [
    ['Route "Nord", phase 1; lot 2', 1234.5, 0.35],
    ['=HYPERLINK("http://x","clic")', -5, null],
    ['+1', 0.1 + 0.2, 1e-9],
    ['-2+3', 1e21, 0.5],
    ['@SUM(A1)', -0, 0],
    ['\tTab', 2, 0],
    ['\rCR', 3, 0],
    ['Ligne 1\nLigne 2', 4, 0],
  ],
};

describe('CSV', () => {
  it('RFC 4180: comma, CRLF, quotes doubled, no BOM, decimal point', () => {
    const s = csvText(table, 'rfc', en);
    expect(s.startsWith('Projet,')).toBe(true);
    expect(s.split('\r\n')[0]).toBe('Projet,Montant (Mds FCFA),Part (%)');
    expect(s).toContain('"Route ""Nord"", phase 1; lot 2",1234.5,35\r\n');
    expect(s.endsWith('\r\n')).toBe(true);
  });

  it('French Excel: BOM, semicolon, decimal comma, CRLF', () => {
    const s = csvText(table, 'fr', fr);
    expect(s.charCodeAt(0)).toBe(0xfeff);
    expect(s.slice(1).split('\r\n')[0]).toBe('Projet;Montant (Mds FCFA);Part (%)');
    expect(s).toContain('"Route ""Nord"", phase 1; lot 2";1234,5;35\r\n');
    expect(s).toContain(';0,3;');
  });

  it('neutralises text that a spreadsheet would run as a formula, and leaves numbers as numbers', () => {
    const rows = parse(csvText(table, 'rfc', en), { columns: false, relax_column_count: false }) as string[][];
    const names = rows.slice(1).map((r) => r[0]);
    expect(names).toEqual([
      'Route "Nord", phase 1; lot 2',
      `'=HYPERLINK("http://x","clic")`,
      `'+1`,
      `'-2+3`,
      `'@SUM(A1)`,
      `'\tTab`,
      `'\rCR`,
      'Ligne 1\nLigne 2',
    ]);
    expect(rows[2]![1]).toBe('-5');
    expect(rows[5]![1]).toBe('0');
    expect(rows[3]![2]).toBe('0');
    expect(rows[2]![2]).toBe('');
  });

  it('never writes exponents or binary noise', () => {
    expect(plainNumber(0.1 + 0.2, 6, '.')).toBe('0.3');
    expect(plainNumber(1e21, 6, '.')).toBe('1000000000000000000000');
    expect(plainNumber(-0, 6, ',')).toBe('0');
    expect(plainNumber(Number.NaN, 6, '.')).toBe('');
  });

  it('property: every text cell reads back as itself or neutralised, every number as itself', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: 'binary', maxLength: 20 }), fc.double({ min: -1e12, max: 1e12, noNaN: true })), { maxLength: 20 }),
        fc.constantFrom('rfc' as const, 'fr' as const),
        (rows, dialect) => {
          const t: TableSpec = { ...table, columns: table.columns.slice(0, 2), rows };
          const text = csvText(t, dialect, fr);
          const parsed = parse(text, { bom: true, delimiter: dialect === 'fr' ? ';' : ',', relax_quotes: false }) as string[][];
          expect(parsed.length).toBe(rows.length + 1);
          rows.forEach(([s, n], i) => {
            const [cellText, cellNum] = parsed[i + 1]!;
            expect(cellText).toBe(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
            expect(Number(cellNum!.replace(',', '.'))).toBeCloseTo(n, 5);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is byte-identical for identical inputs', () => {
    const r = makeRunResults();
    for (const t of buildTables(r, fr)) expect(renderCsv(t, 'fr', fr)).toEqual(renderCsv(t, 'fr', createLocale('fr')));
  });

  it('neutraliseFormula leaves ordinary text alone', () => {
    for (const s of ['Mali', '2030', ' =x', 'a=b', '']) expect(neutraliseFormula(s)).toBe(s);
  });
});
