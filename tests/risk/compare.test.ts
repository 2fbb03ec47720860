/**
 * `bcid compare`: indicators computed from run results, the terminal table
 * (golden file tests/golden/compare-table.txt, from fixed results so that model
 * changes do not move it), and the command on the bundled scenarios.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareText, compareFolder } from '../../src/cli/commands/compare.js';
import { compareRuns, INDICATORS, type ComparisonResults, type ScenarioSummary } from '../../src/risk/compare.js';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/project.js';
import { bundled } from './fixture.js';

const GOLDEN = path.join(REPO_ROOT, 'tests', 'golden', 'compare-table.txt');

function summary(name: string, stresses: string[], k: number): ScenarioSummary {
  const series = [2026, 2027, 2028].map((year, i) => ({
    year,
    equityToLoans: i === 0 ? null : 0.6 - 0.1 * k - 0.05 * i,
    liquidityMonths: i === 2 ? null : 12 - 3 * k,
    headroom: 400_000 - 150_000 * k,
    memberBurden: 0.011 + 0.002 * k,
    memberBurdenMember: 'NER' as const,
    equity: 600_000 - 50_000 * k,
    borrowings: 100_000 * k,
  }));
  return {
    name,
    description: null,
    stresses,
    series,
    indicators: {
      lowestEquityToLoans: { value: 0.5 - 0.1 * k, year: 2028 },
      peakLoans: { value: 1_466_900 + 100_000 * k, year: 2034 },
      yearsBelowFloor: { value: k === 2 ? 3 : 0 },
      lowestLiquidityMonths: { value: 12 - 8.55 * k, year: 2032 },
      yearsBelowLiquidity: { value: k },
      peakBorrowings: { value: 698_000 + 50_000 * k, year: 2032 },
      yearsAboveGearing: { value: 0 },
      lowestHeadroom: { value: 430_400 - 256_000 * k, year: 2026 + k },
      headroomEnd: { value: 10_461_700 - 1_000_000 * k },
      equityEnd: { value: 3_661_600 - 300_000 * k },
      cumulativeNetIncome: { value: 2_033_900 - 400_000 * k },
      writeOffs: { value: k === 2 ? 335_100 : 0 },
      fxLosses: { value: 0 },
      disbursed: { value: 1_685_100 },
      heaviestMemberBurden: { value: 0.011 + 0.002 * k, year: 2036, member: 'NER' },
    },
  };
}

const FIXED: ComparisonResults = {
  kind: 'bcid-compare',
  version: 1,
  reference: 'baseline',
  policy: { equityToLoansFloor: 0.35, liquidityMonths: 12, maxGearing: 1 },
  scenarios: [summary('baseline', [], 0), summary('stress-rates', ['rate-shock-200'], 1), summary('stress-joint-default', ['joint-default-2032-3y-r60'], 2)],
};

const disposers: (() => void)[] = [];
afterAll(() => disposers.forEach((d) => d()));

describe('compare: the terminal table', () => {
  it('matches the golden file (indicators down, scenarios across, years and members in brackets)', async () => {
    const text = await compareText(FIXED);
    if (!existsSync(GOLDEN) || process.env['UPDATE_GOLDEN'] === '1') writeFileSync(GOLDEN, text);
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
    expect(text.split('\n').filter((l) => l.trim() !== '').length).toBe(3 + INDICATORS.length);
  });

  it('names the output folder after the scenarios, or a stable hash when the list is long', () => {
    expect(compareFolder(['baseline', 'stress-rates'])).toBe('compare-baseline-stress-rates');
    const many = ['baseline', 'stress-rates', 'stress-levy', 'stress-overruns', 'stress-default-one', 'stress-joint-default'];
    expect(compareFolder(many)).toMatch(/^compare-baseline-and-5-more-[0-9a-f]{8}$/);
    expect(compareFolder(many)).toBe(compareFolder([...many]));
    expect(compareFolder(many)).not.toBe(compareFolder([...many].reverse()));
  });
});

describe('compare: indicators from runs', () => {
  it('read the bank rows and the members’ rows of each run', async () => {
    const base = (await bundled()).run.results;
    const joint = (await bundled('stress-joint-default')).run.results;
    const c = compareRuns([base, joint]);
    expect(c.reference).toBe('baseline');
    const [b, j] = c.scenarios;
    const minEl = Math.min(...base.bank.flatMap((r) => (r.equityToLoans === null ? [] : [r.equityToLoans])));
    expect(b!.indicators.lowestEquityToLoans.value).toBe(minEl);
    expect(b!.indicators.yearsBelowFloor.value).toBe(0);
    expect(b!.indicators.writeOffs.value).toBe(0);
    expect(j!.indicators.writeOffs.value).toBeCloseTo(joint.bank.reduce((a, r) => a + r.writeOffs, 0), 6);
    expect(j!.indicators.writeOffs.value).toBeGreaterThan(0);
    expect(j!.indicators.yearsBelowFloor.value).toBe(joint.bank.filter((r) => r.equityToLoans !== null && r.equityToLoans < 0.35).length);
    expect(j!.stresses).toEqual(['joint-default-2032-3y-r60']);
    expect(b!.series.map((s) => s.year)).toEqual(base.bank.map((r) => r.year));
  });
});

describe('bcid compare and bcid risk on the bundled project', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'bcid-risk-'));
  disposers.push(() => rmSync(root, { recursive: true, force: true }));
  for (const dir of ['scenarios', 'data']) cpSync(path.join(REPO_ROOT, dir), path.join(root, dir), { recursive: true });

  it('compare writes the table, CSV, workbook and charts into its own packet, and nothing into the reference scenario’s', async () => {
    const run = await runCli(['--root', root, 'compare', 'baseline', 'stress-rates', 'stress-default-one', '--lang', 'en']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Key indicators by scenario\n\nIndicator +baseline +stress-rates +stress-default-one\n/);
    const out = path.join(root, 'reports', 'compare-baseline-stress-rates-stress-default-one');
    for (const f of ['comparison.json', 'comparison.csv', 'comparison-by-year.csv', 'compare-baseline-stress-rates-stress-default-one.xlsx', 'charts/compare-equityToLoans.png', 'charts/compare-liquidity.svg', 'charts/compare-headroom.png', 'charts/compare-burden.png', 'manifest.json']) {
      expect(existsSync(path.join(out, f)), f).toBe(true);
    }
    const csv = readFileSync(path.join(out, 'comparison.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toMatch(/^Scenario,Shocks,Lowest equity-to-loans ratio/);
    expect(csv[2]).toMatch(/^stress-rates,Rate shock: \+200 bp on the bank’s new bonds,/);
    expect(existsSync(path.join(root, 'reports', 'baseline'))).toBe(false);
    expect((await runCli(['--root', root, 'verify', out])).code).toBe(0);
  }, 60_000);

  it('risk writes the same montecarlo.json with 1 and 2 workers into its own packet; bcid run computes its dossier’s risk section itself', async () => {
    const a = await runCli(['--root', root, 'risk', '--paths', '300', '--workers', '1', '--no-charts', '-q']);
    expect(a.code, a.stderr).toBe(0);
    const dir = path.join(root, 'reports', 'risk-baseline');
    const first = readFileSync(path.join(dir, 'montecarlo.json'), 'utf8');
    const b = await runCli(['--root', root, 'risk', '--paths', '300', '--workers', '2', '-q']);
    expect(b.code, b.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'montecarlo.json'), 'utf8')).toBe(first);
    const perf = JSON.parse(readFileSync(path.join(dir, 'performance.json'), 'utf8')) as { workers: number; peakRssMB: number; paths: number; totalSeconds: number; phaseSeconds: Record<string, number> };
    expect(perf).toMatchObject({ workers: 2, paths: 300 });
    expect(perf.peakRssMB).toBeGreaterThan(0);
    // The phases, in order, within the whole command (its last lines, the manifest, come after them).
    expect(Object.keys(perf.phaseSeconds)).toEqual(['loadAndAllocate', 'prepare', 'simulate', 'summarise', 'write']);
    const phaseSum = Object.values(perf.phaseSeconds).reduce((a, b) => a + b, 0);
    expect(Object.values(perf.phaseSeconds).every((s) => s >= 0)).toBe(true);
    expect(phaseSum).toBeLessThanOrEqual(perf.totalSeconds + 1e-3);
    // Without --workers, a run this small stays on one thread (threads would cost more than they save).
    const c = await runCli(['--root', root, 'risk', '--paths', '300', '--no-charts', '-q']);
    expect(c.code, c.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'montecarlo.json'), 'utf8')).toBe(first);
    expect(JSON.parse(readFileSync(path.join(dir, 'performance.json'), 'utf8'))).toMatchObject({ workers: 1, paths: 300 });
    for (const f of ['tables/risk-fan.csv', 'tables/risk-breaches.csv', 'tables/risk-tornado.csv', 'charts/risk-fan-equityToLoans.png', 'charts/risk-tornado.svg', 'bcid-baseline-risk.xlsx']) expect(existsSync(path.join(dir, f)), f).toBe(true);
    expect((await runCli(['--root', root, 'verify', dir])).code).toBe(0);

    const run = await runCli(['--root', root, 'run', '--no-pdf', '--lang', 'fr,en', '-q']);
    expect(run.code, run.stderr).toBe(0);
    const fr = readFileSync(path.join(root, 'reports', 'baseline', 'dossier-fr.html'), 'utf8');
    const en = readFileSync(path.join(root, 'reports', 'baseline', 'dossier-en.html'), 'utf8');
    expect(fr).toContain('Risques et tests de résistance');
    expect(fr).toContain('Simulation de Monte-Carlo');
    expect(fr).toContain('Tests de résistance');
    // The scenario's risk.paths (10,000 in the baseline), not the 300 of the bcid risk packet beside it.
    expect(en).toContain('Monte Carlo simulation over 10,000 paths');
    expect(en).not.toContain('over 300 paths');
    expect(en).toContain('Rate shock: +200 bp on the bank’s new bonds');
    expect(existsSync(path.join(root, 'reports', 'baseline', 'charts', 'risk-tornado.png'))).toBe(true);
  }, 120_000);

  it('usage errors: one scenario to compare, a bad --paths', async () => {
    expect((await runCli(['--root', root, 'compare', 'baseline'])).code).toBe(2);
    const bad = await runCli(['--root', root, 'risk', '--paths', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--paths must be at least 1');
  });
});
