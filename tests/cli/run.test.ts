import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/project.js';
import { runCli } from './run-cli.js';

/** A copy of the bundled project (scenarios + data) to run in, so reports/ of the repo stay untouched. */
function bundledCopy(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'bcid-run-'));
  cpSync(path.join(REPO_ROOT, 'scenarios'), path.join(root, 'scenarios'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'data'), path.join(root, 'data'), { recursive: true });
  return root;
}

describe('bcid run on the bundled baseline', () => {
  const root = bundledCopy();
  let first: Awaited<ReturnType<typeof runCli>>;

  // What it prints is the golden case tests/golden/run-baseline/.
  it('runs, printing the key figures and the funded list', async () => {
    first = await runCli(['--root', root, 'run', 'baseline', '--no-pdf'], root);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^BCID-AES — scenario baseline/);
    expect(first.stdout).toContain('Funded projects (amounts in bn FCFA)\n');
  }, 120_000);

  it('writes results.json with the keys of the contract and every check passing', () => {
    const results = JSON.parse(readFileSync(path.join(root, 'reports/baseline/results.json'), 'utf8')) as Record<string, unknown[]>;
    for (const key of ['scenario', 'allocation', 'bank', 'members', 'checks']) expect(results).toHaveProperty(key);
    const bankKeys = ['year', 'paidInReceived', 'levyReceived', 'borrowingRaised', 'borrowingRepaid', 'disbursements', 'principalRepaid', 'interestIncome', 'feeIncome', 'treasuryIncome', 'interestExpense', 'operatingExpenses', 'provisions', 'writeOffs', 'netIncome', 'cash', 'loansOutstanding', 'loanLossAllowance', 'equityInvestments', 'totalAssets', 'borrowings', 'paidInCapital', 'retainedEarnings', 'equity', 'equityToLoans', 'debtToEquity', 'liquidityMonths', 'headroom'];
    for (const k of bankKeys) expect(results['bank']![0]).toHaveProperty(k);
    const allocationKeys = ['projectId', 'name', 'countries', 'sector', 'instrument', 'score', 'requested', 'approved', 'commitmentYear', 'funded', 'reason'];
    for (const k of allocationKeys) expect(results['allocation']![0]).toHaveProperty(k);
    expect((results['checks'] as { ok: boolean }[]).every((c) => c.ok)).toBe(true);
    // every project not fully funded says why
    for (const a of results['allocation'] as { approved: number; upliftedRequest: number; reason: string | null; bindingLimit: string | null }[]) {
      if (a.approved < a.upliftedRequest * (1 - 1e-9)) {
        expect(a.reason).not.toBeNull();
        expect(a.bindingLimit).not.toBeNull();
      }
    }
  });

  it('gives byte-identical outputs on a second run; only the manifest time differs', async () => {
    const manifest = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { outputs: unknown[]; createdAt: string };
    const before = manifest(path.join(root, 'reports/baseline/manifest.json'));
    const again = await runCli(['--root', root, 'run', 'baseline', '--no-pdf', '--quiet'], root);
    expect(again.code).toBe(0);
    const after = manifest(path.join(root, 'reports/baseline/manifest.json'));
    expect(after.outputs).toEqual(before.outputs);
    expect(after.outputs.length).toBeGreaterThan(20);
  }, 120_000);

  it('verify says the packet is intact, then names a changed output and a changed input', async () => {
    expect((await runCli(['--root', root, 'verify', 'reports/baseline'], root)).code).toBe(0);
    const table = path.join(root, 'reports/baseline/tables/bank.csv');
    writeFileSync(table, `${readFileSync(table, 'utf8')}tampered\n`);
    const projects = path.join(root, 'data/projects.csv');
    writeFileSync(projects, `${readFileSync(projects, 'utf8')}\n`);
    const r = await runCli(['--root', root, 'verify', 'reports/baseline'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('changed output: tables/bank.csv');
    expect(r.stderr).toContain('input differs from the one the report was made from: data/projects.csv');
  });
});

describe('bcid run options', () => {
  it('writes French-Excel CSV with --csv-dialect fr', async () => {
    const root = bundledCopy();
    const r = await runCli(['--root', root, 'run', 'levy-shortfall', '--no-pdf', '--quiet', '--csv-dialect', 'fr'], root);
    expect(r.code).toBe(0);
    const bank = readFileSync(path.join(root, 'reports/levy-shortfall/tables/bank.csv'));
    expect([...bank.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, firstRow] = bank.toString('utf8').slice(1).split('\r\n');
    expect(header).toMatch(/^year;paidInReceived;levyReceived;/);
    expect(firstRow).toMatch(/^2026;/);
    expect(firstRow).toMatch(/\d,\d/);
  }, 120_000);

  it('exports the allocation MILP in CPLEX LP format with the optimal method', async () => {
    const root = bundledCopy();
    const lp = path.join(root, 'reports', 'allocation.lp');
    const r = await runCli(['--root', root, 'run', 'baseline', '--method', 'optimal', '--no-pdf', '--quiet', '--export-lp', lp], root);
    expect(r.code).toBe(0);
    const text = readFileSync(lp, 'utf8');
    expect(text).toMatch(/^\s*(maximize|max)/im);
    expect(text).toMatch(/subject to|such that|st\b/i);
    expect(text).toMatch(/\bbin(ary|aries)?\b/i);
    const results = JSON.parse(readFileSync(path.join(root, 'reports/baseline/results.json'), 'utf8')) as { solver: { method: string; status: string } };
    expect(results.solver.method).toBe('optimal');
  }, 120_000);

  it('reports an impossible pin as a scenario problem (exit 1), not a crash', async () => {
    const root = bundledCopy();
    writeFileSync(path.join(root, 'scenarios/pin.yaml'), 'extends: baseline\nallocation:\n  pinned: [AES-044]\n');
    const r = await runCli(['--root', root, 'run', 'pin', '--no-pdf'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('scenarios/pin.yaml:3');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(root, 'reports/pin/results.json'))).toBe(false);
  }, 120_000);
});
