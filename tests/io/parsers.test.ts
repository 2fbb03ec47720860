import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/io/decode.js';
import { parseContributions } from '../../src/io/parse-contributions.js';
import { parseMembers } from '../../src/io/parse-members.js';
import { parseProjects } from '../../src/io/parse-projects.js';
import { MINI, REPO_ROOT } from '../helpers/project.js';

const miniText = (name: string) => readFileSync(path.join(MINI, 'data', name), 'utf8');
/** Without `origin` (positions differ between dialects) the records must be the same. */
const withoutOrigin = <T extends { origin: unknown }>(xs: readonly T[]) => xs.map(({ origin: _origin, ...rest }) => rest);

/** Encodes text as Windows-1252, the way French Excel saves "CSV (séparateur : point-virgule)". */
function windows1252(text: string): Uint8Array {
  const special: Record<string, number> = { '€': 0x80, '’': 0x92, 'œ': 0x9c, '…': 0x85, '–': 0x96 };
  return Uint8Array.from([...text].map((ch) => {
    const code = special[ch] ?? ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`not encodable: ${ch}`);
    return code;
  }));
}

/** Rewrites a comma CSV as a French Excel export: `;`, decimal commas, no-break-space thousands. */
function frenchExcel(commaCsv: string, thousands: string): string {
  return commaCsv
    .split('\n')
    .map((line) =>
      line === ''
        ? line
        : splitCsvLine(line)
            .map((cell) => {
              if (/^-?\d+(\.\d+)?$/.test(cell)) {
                const [int = '', frac] = cell.split('.');
                return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, thousands)}${frac === undefined ? '' : `,${frac}`}`;
              }
              if (/^([A-Z]{3}:[\d.]+\|?)+$/.test(cell)) return cell.replace(/\./g, ',');
              return cell.includes(';') || cell.includes('"') ? `"${cell.replace(/"/g, '""')}"` : cell;
            })
            .join(';'),
    )
    .join('\r\n');
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(cell);
      cell = '';
    } else cell += ch;
  }
  out.push(cell);
  return out;
}

describe('bundled data', () => {
  it.each([
    ['projects.csv', parseProjects, 40],
    ['members.csv', parseMembers, 3],
    ['contributions.csv', parseContributions, 12],
  ] as const)('data/%s parses without a problem', (name, parse, atLeast) => {
    const decoded = decodeText(readFileSync(path.join(REPO_ROOT, 'data', name)));
    const result = parse(decoded.text, `data/${name}`);
    expect(result.diagnostics).toEqual([]);
    expect(result.value.length).toBeGreaterThanOrEqual(atLeast);
  });
});

describe('French Excel exports', () => {
  it.each([
    ['narrow no-break space', '\u202f'],
    ['no-break space', '\u00a0'],
    ['plain space', ' '],
  ])('projects.csv saved as Windows-1252, semicolons, decimal commas and %s thousands reads the same as the UTF-8 original', (_name, sep) => {
    const text = miniText('projects.csv').replace('Kandadji multipurpose dam', 'Barrage de Kandadji (Société)');
    const original = parseProjects(text, 'data/projects.csv');
    const exported = frenchExcel(text, sep);
    expect(exported).toContain(`740${sep}000;60${sep}000`);
    expect(exported).toContain('BFA:0,5|MLI:0,5');
    const decoded = decodeText(windows1252(exported.replace(/\u202f/g, sep === '\u202f' ? '\u00a0' : sep)));
    expect(decoded.encoding).toBe('windows-1252');
    const french = parseProjects(decoded.text, 'data/projects.csv');
    expect(french.diagnostics).toEqual([]);
    expect(withoutOrigin(french.value)).toEqual(withoutOrigin(original.value));
  });

  it('keeps accented and typographic characters of a Windows-1252 file', () => {
    const text = miniText('projects.csv').replace('Kandadji multipurpose dam', 'Barrage de Kandadji – Société d’État (coût 740 G€) œuvre');
    const french = parseProjects(decodeText(windows1252(frenchExcel(text, '\u00a0'))).text, 'data/projects.csv');
    expect(french.diagnostics).toEqual([]);
    expect(french.value[0]?.name).toBe('Barrage de Kandadji – Société d’État (coût 740 G€) œuvre and 130 MW hydropower plant');
  });

  it('reads contributions.csv saved as UTF-8 with a BOM and as UTF-16LE with a BOM', () => {
    const original = parseContributions(miniText('contributions.csv'), 'c.csv');
    const fr = frenchExcel(miniText('contributions.csv'), '\u202f');
    for (const bytes of [
      Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from(fr, 'utf8')]),
      Uint8Array.from([0xff, 0xfe, ...Buffer.from(fr, 'utf16le')]),
      Uint8Array.from([0xff, 0xfe, ...Buffer.from(miniText('contributions.csv'), 'utf16le')]),
    ]) {
      const parsed = parseContributions(decodeText(bytes).text, 'c.csv');
      expect(parsed.diagnostics).toEqual([]);
      expect(withoutOrigin(parsed.value)).toEqual(withoutOrigin(original.value));
    }
  });

  it('reports a decimal comma in a comma-separated file as an invalid number, with the fix', () => {
    const text = miniText('contributions.csv').replace('MLI,2025,41666.67,', 'MLI,2025,"41666,67",');
    expect(parseContributions(text, 'c.csv').diagnostics).toMatchObject([
      { code: 'invalid-number', line: 2, column: 10, found: '41666,67', hint: 'write numbers like 1234.5 (decimal point, no unit)' },
    ]);
  });
});

describe('positions in the data files', () => {
  it('points at the right line and column after a project name spanning two lines', () => {
    const text = miniText('projects.csv')
      .replace('AES-015,Sanankoroba 200 MWp solar plant with 20 MWh storage,', 'AES-015,"Sanankoroba\n200 MWp solar plant with 20 MWh storage",')
      .replace('sovereign,104800,20000,60000,', 'sovereign,104800,20000,6OOOO,');
    const d = parseProjects(text, 'data/projects.csv').diagnostics;
    const row = text.split('\n')[4] ?? '';
    expect(d).toMatchObject([{ code: 'invalid-number', field: 'co_financing', line: 5, column: row.indexOf('6OOOO') + 1, excerpt: row }]);
  });

  it('points at a bad cell on the second line of a row that spans two lines', () => {
    const text = miniText('projects.csv').replace('AES-015,Sanankoroba 200 MWp solar plant with 20 MWh storage,MLI:1,,solar', 'AES-015,"Sanankoroba 200 MWp\nsolar plant",MLI:1,,solaire');
    const d = parseProjects(text, 'data/projects.csv').diagnostics;
    expect(d).toMatchObject([{ code: 'invalid-enum', line: 4, column: 21, excerpt: expect.stringMatching(/^solar plant",MLI:1,,solaire,/), hint: 'did you mean "solar"?' }]);
  });

  it('reports every bad cell of a row, not only the first', () => {
    const text = miniText('members.csv').replace('BFA,2024,Burkina Faso,Burkina Faso,بوركينا فاسو,medium,24.4,EST,', 'BFA,2024.5,Burkina Faso,Burkina Faso,بوركينا فاسو,mid,NaN,ESt,');
    expect(parseMembers(text, 'm.csv').diagnostics.map((x) => [x.code, x.field])).toEqual([
      ['not-integer', 'year'],
      ['invalid-number', 'population'],
      ['invalid-enum', 'population_conf'],
      ['invalid-enum', 'debt_capacity'],
    ]);
  });
});

describe('limits', () => {
  it('stops collecting after 500 problems when every row is wrong in many cells', () => {
    const header = miniText('projects.csv').split('\n')[0] ?? '';
    const bad = `${header}\n${'AES-X,n,XX:2,,sol,sov,a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s\n'.repeat(2000)}`;
    const d = parseProjects(bad, 'p.csv').diagnostics;
    expect(d.length).toBeLessThanOrEqual(501 + 25);
    expect(d.filter((x) => x.code === 'too-many-errors')).toHaveLength(1);
    expect(d.at(-1)).toMatchObject({ code: 'too-many-errors', file: 'p.csv', column: 1 });
  });
});

describe('wide headers', () => {
  it.each([
    ['200,000 empty column names', `${','.repeat(200_000)}\nx\n`],
    ['100,000 unknown column names', `${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\nx\n`],
    ['100,000 copies of one name', `${Array(100_000).fill('id').join(',')}\nx\n`],
  ])('%s: a bounded number of messages (a hang would hit the test timeout)', (_name, text) => {
    const d = parseProjects(text, 'p.csv').diagnostics;
    expect(d.length).toBeLessThanOrEqual(501 + 25);
  });
});

describe('hostile cells', () => {
  it.each(['NaN', 'Infinity', '-Infinity', '1e999', '=1+1', '+cmd|calc', '@SUM(A1)', '0x1F', '1e308e'])('refuses %j as a number', (cell) => {
    const text = miniText('contributions.csv').replace('NER,2026,41666.67,', `NER,2026,"${cell}",`);
    expect(parseContributions(text, 'c.csv').diagnostics).toMatchObject([{ code: 'invalid-number', field: 'paid_in', line: 7 }]);
  });

  it('keeps formula-looking text as plain text (it is never evaluated)', () => {
    const text = miniText('projects.csv').replace('AES-001,Kandadji multipurpose dam and 130 MW hydropower plant,', 'AES-001,"=HYPERLINK(""http://x"",""Kandadji"")",');
    const r = parseProjects(text, 'p.csv');
    expect(r.diagnostics).toEqual([]);
    expect(r.value[0]?.name).toBe('=HYPERLINK("http://x","Kandadji")');
  });

  it('refuses absurd magnitudes with a unit hint', () => {
    const text = miniText('projects.csv').replace('hydro,sovereign,740000,', 'hydro,sovereign,740000000000,');
    expect(parseProjects(text, 'p.csv').diagnostics).toMatchObject([
      { code: 'out-of-range', field: 'total_cost', hint: expect.stringContaining('millions of FCFA') },
    ]);
  });
});
