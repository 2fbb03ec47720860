import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnosticHeads, runCli, type CliRun } from './run-cli.js';
import { MINI, REPO_ROOT, tempProject } from '../helpers/project.js';

/** `bcid validate` as scripts see it: exit codes, stdout/stderr, the JSON shape. */
const disposers: (() => void)[] = [];
afterAll(() => disposers.forEach((d) => d()));

function project(edit?: (root: string) => void): string {
  const p = tempProject();
  disposers.push(p.dispose);
  edit?.(p.root);
  return p.root;
}

function badProjects(root: string): void {
  const file = path.join(root, 'data', 'projects.csv');
  writeFileSync(file, readFileSync(file, 'utf8').replace('hydro,sovereign,740000,', 'hydro,sovereign,74O000,').replace('AES-063,', 'AES-001,'));
}

function expectNoCrash(run: CliRun): void {
  expect(run.code).not.toBe(3);
  expect(run.stderr).not.toContain('internal error');
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?(\n|$)/);
}

interface JsonOutput {
  valid: boolean;
  diagnostics: { file: string; line: number; column: number; severity: string; code: string; message: string; hint?: string; excerpt?: string; field?: string; found?: string }[];
}

describe('exit codes', () => {
  it('0 on the bundled baseline, with a one-line summary on stdout', async () => {
    const run = await runCli(['validate'], REPO_ROOT);
    expectNoCrash(run);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^baseline: valid \(0 errors, 0 warnings\) — \d+ projects, 3 members, \d+ contribution rows; horizon \d{4}–\d{4}\n$/);
  });

  it('0 for every bundled scenario', async () => {
    const names = (await runCli(['validate', '--list'], REPO_ROOT)).stdout.trim().split('\n');
    expect(names).toContain('baseline');
    for (const name of names) {
      const run = await runCli(['--root', REPO_ROOT, 'validate', name]);
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
    }
  });

  it('0 on the mini project, by name or by path', async () => {
    for (const scenario of ['baseline', 'scenarios/baseline.yaml']) {
      const run = await runCli(['--root', MINI, 'validate', scenario]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('baseline: valid (0 errors, 0 warnings) — 4 projects, 3 members, 6 contribution rows');
    }
  });

  it('0 with warnings only, printed on stderr', async () => {
    const root = project((r) => {
      const file = path.join(r, 'data', 'contributions.csv');
      writeFileSync(file, readFileSync(file, 'utf8').replace('basis,source', 'basis,source,notes').replace(/test fixture/g, 'test fixture,x'));
    });
    const run = await runCli(['--root', root, 'validate']);
    expect(run.code).toBe(0);
    expect(diagnosticHeads(run.stderr)).toMatchObject([{ severity: 'warning', code: 'unknown-column' }]);
    expect(run.stdout).toContain('valid (0 errors, 1 warning)');
  });

  it('1 on bad data, every problem reported with file:line:column, and a summary', async () => {
    const run = await runCli(['--root', project(badProjects), 'validate']);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(diagnosticHeads(run.stderr)).toEqual([
      { file: 'data/projects.csv', line: 2, column: 86, severity: 'error', code: 'invalid-number' },
      { file: 'data/projects.csv', line: 5, column: 1, severity: 'error', code: 'duplicate-id' },
    ]);
    expect(run.stderr).toMatch(/\nbaseline: invalid \(2 errors, 0 warnings\)\n$/);
  });

  it('1 on an unknown scenario or a scenario path outside the project, naming the command line', async () => {
    for (const [arg, code] of [
      ['nosuch', 'unknown-scenario'],
      ['../outside.yaml', 'path-outside-project'],
      ['/etc/passwd', 'path-outside-project'],
      ['data/projects.csv', 'path-outside-project'],
      ['Bad Name', 'invalid-scenario-name'],
    ] as const) {
      const run = await runCli(['--root', MINI, 'validate', arg]);
      expectNoCrash(run);
      expect(run.code, arg).toBe(1);
      expect(diagnosticHeads(run.stderr)).toMatchObject([{ file: '<command line>', code }]);
    }
  });

  it.each([
    [['validate', '--bogus'], "unknown option '--bogus'"],
    [['validate', '--format', 'xml'], "argument 'xml' is invalid"],
    [['validate', '--format'], "option '--format <format>' argument missing"],
    [['valdiate'], "unknown command 'valdiate'"],
    [['validate', 'a', 'b'], 'too many arguments'],
    [['--root', '/nonexistent/bcid', 'validate'], 'is not a bcid project'],
    [['--root', '/nonexistent/bcid', 'validate', '--list'], 'is not a bcid project'],
  ])('2 on a usage error: %j', async (argv, message) => {
    const run = await runCli(argv, MINI);
    expectNoCrash(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('0 for --help and --version', async () => {
    const help = await runCli(['validate', '--help'], MINI);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: bcid validate [options] [scenario]');
    const version = await runCli(['--version'], MINI);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('no stack trace for bad input, even with --debug', async () => {
    const run = await runCli(['--debug', '--root', project(badProjects), 'validate']);
    expect(run.code).toBe(1);
    expectNoCrash(run);
  });
});

describe('--format json', () => {
  it('prints {valid: true, diagnostics: []} for a valid project, nothing on stderr', async () => {
    const run = await runCli(['--root', MINI, 'validate', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ valid: true, diagnostics: [] });
  });

  it('prints every diagnostic as an object with its position, and exits 1', async () => {
    const run = await runCli(['--root', project(badProjects), 'validate', 'baseline', '--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as JsonOutput;
    expect(Object.keys(out).sort()).toEqual(['diagnostics', 'valid']);
    expect(out.valid).toBe(false);
    expect(out.diagnostics).toHaveLength(2);
    expect(out.diagnostics[0]).toEqual({
      severity: 'error',
      file: 'data/projects.csv',
      line: 2,
      column: 86,
      code: 'invalid-number',
      field: 'total_cost',
      message: 'total_cost must be a number from 0 to 10000000 (millions of FCFA), got "74O000"',
      found: '74O000',
      expected: 'a number from 0 to 10000000 (millions of FCFA)',
      hint: 'write numbers like 1234.5 (decimal point, no unit)',
      excerpt: expect.stringMatching(/^AES-001,Kandadji .*,74O000,/),
    });
    for (const d of out.diagnostics) {
      expect(d).toMatchObject({ file: expect.any(String), line: expect.any(Number), column: expect.any(Number), severity: 'error', code: expect.stringMatching(/^[a-z-]+$/), message: expect.any(String) });
    }
  });

  it('keeps warnings in the list while valid stays true', async () => {
    const root = project((r) => {
      const file = path.join(r, 'data', 'projects.csv');
      writeFileSync(file, readFileSync(file, 'utf8').replace('equity,7800000,120000,6000000,2027,', 'equity,7800000,120000,6000000,2040,'));
    });
    const out = JSON.parse((await runCli(['--root', root, 'validate', '--format', 'json'])).stdout) as JsonOutput;
    expect(out.valid).toBe(true);
    expect(out.diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'start-after-window']]);
  });
});

describe('--list', () => {
  it('lists the scenarios of the project, sorted, one per line', async () => {
    const root = project((r) => {
      writeFileSync(path.join(r, 'scenarios', 'levy-shortfall.yaml'), 'extends: baseline\nfunding:\n  levyScale: 0.5\n');
      writeFileSync(path.join(r, 'scenarios', 'a-first.yaml'), 'extends: baseline\n');
      writeFileSync(path.join(r, 'scenarios', 'notes.txt'), 'not a scenario\n');
    });
    const run = await runCli(['--root', root, 'validate', '--list']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('a-first\nbaseline\nlevy-shortfall\n');
    expect(run.stderr).toBe('');
  });

  it('uses the working directory when it holds scenarios/', async () => {
    const run = await runCli(['validate', '--list'], MINI);
    expect(run.stdout).toBe('baseline\n');
  });
});

describe('project folder', () => {
  it('1 when the data folder is missing: each data path of the scenario is reported', async () => {
    const root = project((r) => rmSync(path.join(r, 'data'), { recursive: true }));
    const run = await runCli(['--root', root, 'validate']);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(diagnosticHeads(run.stderr).map((h) => [h.file, h.code])).toEqual([
      ['scenarios/baseline.yaml', 'missing-file'],
      ['scenarios/baseline.yaml', 'missing-file'],
      ['scenarios/baseline.yaml', 'missing-file'],
    ]);
  });

  it('2 when --root is a folder without scenarios/', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'bcid-empty-'));
    disposers.push(() => rmSync(root, { recursive: true, force: true }));
    const run = await runCli(['--root', root, 'validate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`bcid: ${root} is not a bcid project: it has no scenarios/ folder (point --root at the folder holding scenarios/ and data/)\n`);
  });
});
