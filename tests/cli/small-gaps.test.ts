/** Issue 12, item 16: the smaller gaps. */
import ExcelJS from 'exceljs';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCalendarDate, isDecimalNumeral } from '../../src/cli/flag-values.js';
import { capWorkers } from '../../src/cli/worker-cap.js';
import { gitCommit } from '../../src/io/git-commit.js';
import { EXCEL_CELL_LIMIT } from '../../src/render/excel-text.js';
import { plainNumber } from '../../src/render/plain-number.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { createLocale } from '../../src/report/locale.js';
import { disposableFolders } from '../helpers/project.js';
import { runCli } from './run-cli.js';

const folders = disposableFolders();
const project = folders.project;
const temp = (): string => folders.folder('bcid-gaps-');

describe('flag values are read as written', () => {
  it('refuses --seed 0x10 and --date 2025-02-30 with exit 2', async () => {
    const out = path.join(temp(), 'gen');
    const seed = await runCli(['generate', '--projects', '3', '--seed', '0x10', '--out', out]);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toMatch(/--seed must be a number, written in decimals/);
    const root = project();
    const date = await runCli(['--root', root, 'run', 'baseline', '--no-pdf', '--quiet', '--date', '2025-02-30'], root);
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/--date must be a real calendar day/);
  });

  it('knows decimals and calendar days', () => {
    for (const ok of ['12', '0.0075', '-3', '1e6', '2.5E-3', '.5', ' 7 ']) expect(isDecimalNumeral(ok), ok).toBe(true);
    for (const bad of ['0x10', '0b11', '0o7', 'Infinity', '1_000', '', '1e', '--1']) expect(isDecimalNumeral(bad), bad).toBe(false);
    for (const ok of ['2025-12-22', '2024-02-29', '2000-02-29']) expect(isCalendarDate(ok), ok).toBe(true);
    for (const bad of ['2025-02-30', '2025-02-29', '1900-02-29', '2025-13-01', '2025-04-31', '2025-1-01', '25-01-01']) expect(isCalendarDate(bad), bad).toBe(false);
  });
});

describe('numbers in CSV', () => {
  it('loan --amount 1e308 --format csv prints no exponent', async () => {
    const r = await runCli(['loan', '--amount', '1e308', '--rate', '0.05', '--years', '3', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\d[eE][+-]?\d/);
    expect(r.stdout.split('\n')[1]).toBe(`0,0,1${'0'.repeat(308)},0,0,0,0,0,1${'0'.repeat(308)}`);
  });

  it('plainNumber keeps the exact double', () => {
    for (const x of [1e308, 5e-9, 1.5e-7, -2.5e21, 123.456, 0, 1e21, 4.878048780487805e-8, Number.MIN_VALUE]) {
      const s = plainNumber(x);
      expect(s, String(x)).not.toMatch(/e/i);
      expect(Number(s)).toBe(x);
    }
  });
});

describe('workbook cells', () => {
  it('cuts a 900,000-character name to Excel’s 32,767 with a marker, and says so on the first sheet', async () => {
    const fr = createLocale('fr');
    const long = `Projet ${'x'.repeat(900_000)}`;
    const bytes = await renderXlsx(
      [{ id: 'long', title: 'Long', columns: [{ key: 'name', header: 'Projet', unit: null, kind: 'text' }], rows: [[long], ['court']] }],
      { scenario: 'baseline', date: '2025-12-22', inputs: [] },
      fr,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const cell = String(wb.getWorksheet('long')!.getRow(2).getCell(1).value);
    expect(cell.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
    expect(cell.startsWith('Projet xxx')).toBe(true);
    expect(cell).toMatch(/\[truncated: 900,007 characters, Excel holds 32,767 per cell; the full text is in the CSV file\]$/);
    expect(wb.getWorksheet('long')!.getRow(3).getCell(1).value).toBe('court');
    const about: string[] = [];
    wb.worksheets[0]!.eachRow((row) => about.push(String(row.getCell(1).value)));
    expect(about.some((t) => /1 cell cut to Excel's limit of 32,767 characters/.test(t))).toBe(true);
  });
});

describe('deep YAML', () => {
  it('5,000 nested brackets report the depth limit, not a stack overflow', async () => {
    const root = project();
    writeFileSync(path.join(root, 'scenarios', 'deep.yaml'), `extends: baseline\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    const r = await runCli(['--root', root, 'validate', 'deep'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error \[yaml-too-deep\] the YAML is nested more than \d+ levels deep/);
    expect(r.stderr).not.toMatch(/call stack/i);
  });
});

describe('risk --workers', () => {
  it('is capped at the cores available, and says so', () => {
    expect(capWorkers(64, 2)).toEqual({ workers: 2, notice: '--workers 64 capped at 2, the number of cores available: more workers would only use more memory' });
    expect(capWorkers(2, 8)).toEqual({ workers: 2, notice: null });
    expect(capWorkers(undefined, 8)).toEqual({ workers: undefined, notice: null });
  });

  it('bcid risk --workers 64 runs with the core count and prints the notice', async () => {
    const root = project();
    const r = await runCli(['--root', root, 'risk', '--paths', '40', '--workers', '64', '--no-charts'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/--workers 64 capped at \d+, the number of cores available/);
    expect(r.stdout).not.toMatch(/64 workers/);
  }, 60_000);
});

describe('the manifest’s git lookup', () => {
  const sha = 'a'.repeat(40);
  const other = 'b'.repeat(40);
  function repo(): string {
    const root = temp();
    mkdirSync(path.join(root, '.git', 'refs', 'heads'), { recursive: true });
    return root;
  }

  it('reads a normal checkout', () => {
    const root = repo();
    writeFileSync(path.join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(path.join(root, '.git', 'refs', 'heads', 'main'), `${sha}\n`);
    expect(gitCommit(root)).toBe(sha);
  });

  it('never follows HEAD or a ref to a file outside the project', () => {
    const outside = temp();
    writeFileSync(path.join(outside, 'secret'), `${other}\n`);
    const linked = repo();
    symlinkSync(path.join(outside, 'secret'), path.join(linked, '.git', 'HEAD'));
    expect(gitCommit(linked)).toBeNull();

    const escaping = repo();
    writeFileSync(path.join(escaping, '.git', 'HEAD'), `ref: ${path.relative(path.join(escaping, '.git'), path.join(outside, 'secret'))}\n`);
    expect(gitCommit(escaping)).toBeNull();

    const refLink = repo();
    writeFileSync(path.join(refLink, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    symlinkSync(path.join(outside, 'secret'), path.join(refLink, '.git', 'refs', 'heads', 'main'));
    expect(gitCommit(refLink)).toBeNull();

    const gitLink = temp();
    mkdirSync(path.join(outside, 'repo', 'refs', 'heads'), { recursive: true });
    writeFileSync(path.join(outside, 'repo', 'HEAD'), `${other}\n`);
    symlinkSync(path.join(outside, 'repo'), path.join(gitLink, '.git'));
    expect(gitCommit(gitLink)).toBeNull();
  });
});
