import { describe, expect, it } from 'vitest';
import { MAX_CSV_BYTES, MAX_CSV_ROWS, fieldColumns, readCsvTable, scanCsv, sniffDelimiter } from '../../src/io/csv-table.js';

const read = (text: string) => readCsvTable(text, 'data/t.csv');
const codes = (text: string) => read(text).diagnostics.map((d) => d.code);

describe('sniffDelimiter', () => {
  it.each([
    ['id,name,cost', ','],
    ['id;nom;coût', ';'],
    ['id\tname\tcost', '\t'],
    ['"a;b",c,d', ','], // delimiters inside quotes do not count
    ['"a,b,c";d;e', ';'],
    ['single', ','],
  ] as const)('%j → %j', (line, delimiter) => {
    expect(sniffDelimiter(line)).toBe(delimiter);
  });
});

describe('readCsvTable: dialects', () => {
  it('reads a comma-separated file with decimal points', () => {
    const t = read('id,cost\nA,1234.5\n').value;
    expect(t).toMatchObject({ delimiter: ',', decimalComma: false, header: ['id', 'cost'] });
    expect(t?.rows[0]?.cells).toEqual({ id: 'A', cost: '1234.5' });
  });

  it('reads a semicolon-separated French Excel export, keeping commas inside cells', () => {
    const t = read('id;nom;coût\r\nA;Route Bamako, Ségou;1\u202f234,56\r\nB;"Dosso; Niamey";-0,5\r\n').value;
    expect(t).toMatchObject({ delimiter: ';', decimalComma: true });
    expect(t?.rows.map((r) => r.cells)).toEqual([
      { id: 'A', nom: 'Route Bamako, Ségou', coût: '1\u202f234,56' },
      { id: 'B', nom: 'Dosso; Niamey', coût: '-0,5' },
    ]);
  });

  it('reads a tab-separated file', () => {
    expect(read('id\tname\nA\tx y\n').value?.rows[0]?.cells).toEqual({ id: 'A', name: 'x y' });
  });

  it('ignores a BOM left in the text and trims header names and cells', () => {
    const t = read('\ufeff id , name \nA ,  x \n').value;
    expect(t?.header).toEqual(['id', 'name']);
    expect(t?.rows[0]?.cells).toEqual({ id: 'A', name: 'x' });
  });

  it('reads doubled quotes inside a quoted field', () => {
    expect(read('id,name\nA,"the ""Dorsale Nord"" line"\n').value?.rows[0]?.cells['name']).toBe('the "Dorsale Nord" line');
  });

  it('reads a last line without a line break', () => {
    expect(read('id,name\nA,x\nB,y').value?.rows.map((r) => r.line)).toEqual([2, 3]);
  });
});

describe('readCsvTable: lines and columns', () => {
  it('gives each row its line and each cell its column', () => {
    const t = read('id,name,cost\nA,Kandadji,740000\nBB,Taoussa,170000\n').value;
    expect(t?.rows.map((r) => [r.line, r.columns])).toEqual([
      [2, { id: 1, name: 3, cost: 12 }],
      [3, { id: 1, name: 4, cost: 12 }],
    ]);
    expect(t?.headerColumns).toEqual([1, 4, 9]);
  });

  it('counts lines inside a quoted field with a line break (LF)', () => {
    const t = read('id,name,cost\nA,"Kandadji\ndam",740000\nB,Taoussa,170000\n').value;
    expect(t?.rows[0]).toMatchObject({ line: 2, cells: { name: 'Kandadji\ndam' }, columns: { id: 1, name: 3, cost: 6 }, lines: { id: 2, name: 2, cost: 3 } });
    expect(t?.rows[1]).toMatchObject({ line: 4, columns: { id: 1, name: 3, cost: 11 } });
  });

  it('counts lines inside a quoted field with a line break (CRLF, as Excel writes)', () => {
    const t = read('id,name,cost\r\nA,"Kandadji\r\ndam\r\nphase 2",740000\r\nB,Taoussa,170000\r\n').value;
    expect(t?.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(t?.rows[0]?.lines).toEqual({ id: 2, name: 2, cost: 4 });
    expect(t?.rows[0]?.columns['cost']).toBe(10);
    expect(t?.rows[1]?.raw).toBe('B,Taoussa,170000');
  });

  it('skips blank lines without losing count', () => {
    const t = read('id,name\n\nA,x\n\n\r\nB,y\n\n').value;
    expect(t?.rows.map((r) => [r.line, r.raw])).toEqual([
      [3, 'A,x'],
      [6, 'B,y'],
    ]);
  });

  it('reads mixed line breaks (CRLF rows appended to an LF file)', () => {
    const r = read('id,name\nA,x\r\nB,y\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.rows.map((row) => [row.line, row.cells['name']])).toEqual([
      [2, 'x'],
      [3, 'y'],
    ]);
  });

  it('reads classic Mac (CR only) line breaks', () => {
    expect(read('id,name\rA,x\rB,y\r').value?.rows.map((r) => [r.line, r.cells['id']])).toEqual([
      [2, 'A'],
      [3, 'B'],
    ]);
  });

  it('keeps the row verbatim for excerpts', () => {
    expect(read('id;nom\r\nA;"x;y"\r\n').value?.rows[0]?.raw).toBe('A;"x;y"');
  });
});

describe('readCsvTable: broken files', () => {
  it('reports an empty file', () => {
    for (const text of ['', '\ufeff', '\n\n', '  \r\n ']) expect(codes(text)).toEqual(['empty-file']);
  });

  it('reports a blank first line', () => {
    const d = read('\nid,name\nA,x\n').diagnostics;
    expect(d).toMatchObject([{ code: 'empty-file', line: 1, message: expect.stringContaining('first line is blank') }]);
  });

  it('reports a header without rows', () => {
    expect(read('id,name\n').diagnostics).toMatchObject([{ code: 'no-rows', line: 1, column: 1, severity: 'error' }]);
    expect(read('id,name').diagnostics).toMatchObject([{ code: 'no-rows' }]);
  });

  it('reports duplicate and empty header names at their column', () => {
    const d = read('id,name,cost,name,\nA,x,1,y,\n').diagnostics;
    expect(d).toMatchObject([
      { code: 'duplicate-header', line: 1, column: 14, message: 'column "name" appears twice in the header (columns 2 and 4)' },
      { code: 'empty-header', line: 1, column: 19, message: 'column 5 has no name in the header' },
    ]);
  });

  it('reports rows with too many or too few fields, and keeps the others', () => {
    const r = read('id,name,cost\nA,x,1\nB,Route Bamako, Ségou,2\nC,y\nD,z,4\n');
    expect(r.diagnostics).toMatchObject([
      { code: 'column-count', line: 3, column: 1, message: 'row has 4 fields but the header has 3', excerpt: 'B,Route Bamako, Ségou,2' },
      { code: 'column-count', line: 4, message: 'row has 2 fields but the header has 3' },
    ]);
    expect(r.value?.rows.map((row) => row.cells['id'])).toEqual(['A', 'D']);
  });

  it('reports an unterminated quote where it opens, not at the end of the file', () => {
    const r = read('id,name,cost\nA,x,1\nB,"Niamey,2\nC,y,3\nD,z,4\n');
    expect(r.value).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: 'csv-syntax', line: 3, column: 3, message: 'a quoted field opened here is never closed', excerpt: 'B,"Niamey,2' }]);
  });

  it('reports a quote inside an unquoted field, and text after a closing quote', () => {
    expect(read('id,name\nA,x\nB,the "Dorsale" line\n').diagnostics).toMatchObject([
      { code: 'csv-syntax', line: 3, column: 7, message: 'a quote appears inside a field that does not start with a quote' },
    ]);
    expect(read('id,name\nA,"Dorsale" Nord\n').diagnostics).toMatchObject([
      { code: 'csv-syntax', line: 2, column: 12, message: 'a quoted field is followed by other characters before the next delimiter' },
    ]);
  });

  it('refuses binary content and says where the first NUL byte is', () => {
    expect(read('id,name\nA,x\u0000y\n').diagnostics).toMatchObject([{ code: 'binary-file', line: 2, column: 4 }]);
  });

  it('refuses a row longer than a million characters', () => {
    expect(read(`id,name\nA,${'x'.repeat(1_000_001)}\n`).diagnostics).toMatchObject([{ code: 'csv-syntax', message: 'a row is longer than 1,000,000 characters' }]);
  });

  it('refuses a file with too many rows', () => {
    expect(codes(`id\n${'A\n'.repeat(MAX_CSV_ROWS + 1)}`)).toEqual(['too-many-rows']);
    expect(codes(`id\n${'A\n'.repeat(MAX_CSV_ROWS)}`)).toEqual([]);
  });

  it('refuses a text longer than the size limit before parsing it', () => {
    expect(codes(`id\n${'A'.repeat(MAX_CSV_BYTES)}`)).toEqual(['file-too-large']);
  });

  it('stops after 500 problems instead of collecting millions', () => {
    const d = read(`id,name\n${'A\n'.repeat(10_000)}`).diagnostics;
    expect(d).toHaveLength(501);
    expect(d.at(-1)).toMatchObject({ code: 'too-many-errors', line: 502 });
  });
});

describe('scanCsv and fieldColumns', () => {
  it('agree on field starts for a single-line record', () => {
    const line = 'A,"x,y",,"q ""r""",z';
    expect(scanCsv(line, ',').records[0]?.fields.map((f) => f.column)).toEqual(fieldColumns(line, ','));
  });
});
