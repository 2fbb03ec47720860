/**
 * `npm run bench -- --smoke`: every kind of benchmark case once, on tiny inputs, so that
 * the harness keeps working. Its times mean nothing and none is asserted; what is checked is
 * that each case ran and that bench.json has the shape docs/performance.md relies on.
 * The CLI cases run the built CLI, as the real bench does. So that it times the code
 * under test and not a stale dist/, the test copies the project into a temporary folder,
 * builds it there (tsc -p tsconfig.build.json) and runs the bench of that copy.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchEntry } from '../../bench/run.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'bcid-bench-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const ROOT = path.join(work, 'project');
const out = path.join(work, 'out');

/** A copy of what the build and the bench read, with the installed packages linked in. */
function freshBuild(): void {
  for (const entry of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'bin', 'bench', 'data', 'scenarios', 'src']) {
    cpSync(path.join(REPO, entry), path.join(ROOT, entry), { recursive: true });
  }
  symlinkSync(path.join(REPO, 'node_modules'), path.join(ROOT, 'node_modules'), 'dir');
  const tsc = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  expect(build.status, `${build.stdout}${build.stderr}`).toBe(0);
}

describe('npm run bench -- --smoke', () => {
  it('runs every kind of case and writes bench.json with medians, ranges, the cores and the Node version', () => {
    freshBuild();
    expect(existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))).toBe(true);
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--smoke', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(path.join(out, 'bench.json'), 'utf8')) as { node: string; cores: number; mode: string; entries: BenchEntry[] };
    expect(report.node).toBe(process.version);
    expect(report.cores).toBe(os.cpus().length);
    expect(report.mode).toBe('smoke');

    const names = report.entries.map((e) => e.case);
    for (const pattern of [
      /^CLI start/,
      /^validate/,
      /^run, no PDF/,
      /^kernel 2,000 loans$/,
      /^Monte Carlo 300 paths, 1 worker$/,
      /^Monte Carlo 300 paths, 2 workers$/,
      /2-worker speed-up/,
      /^MILP allocation, 12 generated projects$/,
      /^run scaling: 10 projects/,
    ]) {
      expect(
        names.some((n) => pattern.test(n)),
        `${pattern} in ${names.join(' | ')}`,
      ).toBe(true);
    }
    for (const e of report.entries) {
      expect(Number.isFinite(e.median) && e.median > 0, e.case).toBe(true);
      expect(e.min <= e.median && e.median <= e.max, e.case).toBe(true);
    }
    const entry = (name: string) => report.entries.find((e) => e.case === name)!;
    expect(Number(entry('kernel 2,000 loans').extra?.['loanYearsPerSecond'])).toBeGreaterThan(0);
    const twoWorkers = entry('Monte Carlo 300 paths, 2 workers').extra!;
    expect(Number(twoWorkers['simulationSeconds'])).toBeGreaterThan(0);
    expect(Object.keys(twoWorkers).filter((k) => k.startsWith('phase:'))).toEqual([
      'phase:loadAndAllocate',
      'phase:prepare',
      'phase:simulate',
      'phase:summarise',
      'phase:write',
    ]);
    expect(entry('MILP allocation, 12 generated projects').extra).toMatchObject({ status: 'optimal' });
    // The table on stdout, one line per case.
    expect(r.stdout).toMatch(/^case\s+median\s+min\s+max\s+details$/m);
    for (const n of names) expect(r.stdout).toContain(n);
  }, 330_000);
});
