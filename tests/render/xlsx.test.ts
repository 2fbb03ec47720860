import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderAnHourApart } from '../support/clock.js';
import { numberFormat, renderXlsx } from '../../src/render/xlsx.js';
import { dosDateTime, fixZipTimestamps } from '../../src/render/zip-timestamps.js';
import { createLocale } from '../../src/report/locale.js';
import type { TableSpec } from '../../src/report/table.js';
import { buildTables } from '../../src/report/tables.js';
import { FIXTURE_INPUTS, makeRunResults } from '../report/fixtures/run-results.js';

const results = makeRunResults();
const fr = createLocale('fr');
const meta = { scenario: 'baseline', date: '2025-12-22', inputs: FIXTURE_INPUTS, toolVersion: '0.1.0' };
const hostile: TableSpec = {
  id: 'hostile',
  title: 'Hostile',
  columns: [
    { key: 'name', header: 'Projet', unit: null, kind: 'text' },
    { key: 'v', header: 'Valeur', unit: 'Mds FCFA', kind: 'money' },
  ],
  rows: [
    ['=1+1', -5],
    ['@cmd', 1.25],
    ['Mali', null],
  ],
};

async function load(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe('XLSX workbook', () => {
  it('first sheet: scenario, date and every input with its SHA-256', async () => {
    const wb = await load(await renderXlsx(buildTables(results, fr), meta, fr));
    const about = wb.worksheets[0]!;
    expect(about.name).toBe('Informations');
    const values = about.getSheetValues().flat().map((v) => (v instanceof Date ? v.toISOString() : String(v ?? '')));
    expect(values).toContain('baseline');
    expect(values).toContain('2025-12-22T00:00:00.000Z');
    for (const i of FIXTURE_INPUTS) {
      expect(values).toContain(i.sha256);
      expect(values).toContain(i.path);
    }
    expect(wb.created.toISOString()).toBe('2025-12-22T00:00:00.000Z');
  });

  it('one sheet per table, frozen header with units, real numbers with number formats', async () => {
    const tables = buildTables(results, fr);
    const wb = await load(await renderXlsx(tables, meta, fr));
    expect(wb.worksheets.map((w) => w.name).slice(1)).toEqual(tables.map((t) => t.id));
    const ws = wb.getWorksheet('bank-balance-sheet')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(2).value).toBe('Trésorerie (Mds FCFA)');
    const cash = ws.getRow(2).getCell(2);
    expect(typeof cash.value).toBe('number');
    expect(cash.value).toBeCloseTo(results.bank[0]!.cash / 1000, 9);
    expect(cash.numFmt).toBe('#,##0.0');
    const ratios = wb.getWorksheet('bank-ratios')!;
    expect(ratios.getRow(2).getCell(2).numFmt).toBe('0.0%');
  });

  it('neutralises formula-looking text; numbers stay numbers; nothing is a formula', async () => {
    const wb = await load(await renderXlsx([hostile], meta, fr));
    const ws = wb.getWorksheet('hostile')!;
    expect(ws.getRow(2).getCell(1).value).toBe("'=1+1");
    expect(ws.getRow(3).getCell(1).value).toBe("'@cmd");
    expect(ws.getRow(2).getCell(2).value).toBe(-5);
    ws.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('Arabic workbooks read right to left', async () => {
    const ar = createLocale('ar');
    const wb = await load(await renderXlsx([hostile], meta, ar));
    expect(wb.worksheets[0]!.views[0]).toMatchObject({ rightToLeft: true });
    expect(wb.getWorksheet('hostile')!.views[0]).toMatchObject({ rightToLeft: true, state: 'frozen' });
  });

  it('is byte-identical across runs, even hours apart (ZIP timestamps fixed)', async () => {
    const tables = buildTables(results, fr);
    const [a, b] = await renderAnHourApart(() => renderXlsx(tables, meta, fr));
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });

  it('number formats follow the column kind', () => {
    expect(numberFormat({ key: 'a', header: 'a', unit: null, kind: 'money' })).toBe('#,##0.0');
    expect(numberFormat({ key: 'a', header: 'a', unit: null, kind: 'ratio', digits: 2 })).toBe('0.00%');
    expect(numberFormat({ key: 'a', header: 'a', unit: null, kind: 'year' })).toBe('0');
    expect(numberFormat({ key: 'a', header: 'a', unit: null, kind: 'text' })).toBe('@');
  });
});

describe('ZIP timestamps', () => {
  it('encodes DOS date and time', () => {
    expect(dosDateTime(new Date('2025-12-22T00:00:00Z'))).toEqual({ time: 0, date: ((2025 - 1980) << 9) | (12 << 5) | 22 });
  });
  it('rejects what is not a ZIP', () => {
    expect(() => fixZipTimestamps(new Uint8Array(100), new Date())).toThrow(/not a ZIP/);
  });
});
