/** Issue 12, item 3: `bcid generate` never overwrites a project, and what it writes is valid at any size. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CAPITAL_SCALE, syntheticPortfolio } from '../../src/generate/synthetic-portfolio.js';
import { parseContributions } from '../../src/io/parse-contributions.js';
import { runCli } from '../cli/run-cli.js';
import { REPO_ROOT } from '../helpers/project.js';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});
function temp(): string {
  const t = mkdtempSync(path.join(tmpdir(), 'bcid-generate-'));
  temps.push(t);
  return t;
}

describe('bcid generate --out', () => {
  it('refuses a folder that already holds a project, and leaves its files alone', async () => {
    const out = temp();
    mkdirSync(path.join(out, 'data'));
    writeFileSync(path.join(out, 'data', 'projects.csv'), 'sourced,data\n');
    const r = await runCli(['--root', REPO_ROOT, 'generate', '--projects', '5', '--out', out], out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already holds files.*--force/);
    expect(readFileSync(path.join(out, 'data', 'projects.csv'), 'utf8')).toBe('sourced,data\n');
  });

  it('writes into a new folder, and into a used one only with --force', async () => {
    const out = path.join(temp(), 'fresh');
    expect((await runCli(['--root', REPO_ROOT, 'generate', '--projects', '5', '--out', out], REPO_ROOT)).code).toBe(0);
    const forced = await runCli(['--root', REPO_ROOT, 'generate', '--projects', '7', '--out', out, '--force'], REPO_ROOT);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(path.join(out, 'data', 'projects.csv'), 'utf8').trim().split('\n')).toHaveLength(8);
  });
});

describe('bcid generate at scale', () => {
  it('writes contributions that validate accepts at 20,000 projects (39 errors before)', () => {
    const c = parseContributions(syntheticPortfolio(20_000, 1).contributionsCsv, 'contributions.csv');
    expect(c.diagnostics).toEqual([]);
    // The capital grows with the pipeline up to the largest scale the validator accepts.
    const paid = c.value.reduce((a, r) => a + r.paidIn, 0);
    expect(paid).toBeCloseTo(500_000 * MAX_CAPITAL_SCALE, -1);
    expect(MAX_CAPITAL_SCALE).toBe(220);
  });
});
