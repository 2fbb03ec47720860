/**
 * Issue 12 item 7: a dossier depends on its scenario and inputs alone. `bcid run`
 * computes the stress tests its scenario names (dossier.stresses) and the Monte
 * Carlo at risk.paths; what `compare` or `risk` wrote elsewhere, or a tampered
 * file, never enters it.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/project.js';
import { runCli } from '../helpers/cli.js';

const root = mkdtempSync(path.join(tmpdir(), 'bcid-dossier-risk-'));
const packet = path.join(root, 'reports', 'baseline');
const read = (f: string) => readFileSync(path.join(packet, f), 'utf8');
const run = (...extra: string[]) => runCli(['--root', root, 'run', 'baseline', '--no-pdf', '--lang', 'en', '--quiet', ...extra], root);
let first = '';

beforeAll(async () => {
  cpSync(path.join(REPO_ROOT, 'scenarios'), path.join(root, 'scenarios'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'data'), path.join(root, 'data'), { recursive: true });
  // Fewer paths than the shipped 10,000, to keep the test fast; two stresses of the shipped list.
  const baseline = readFileSync(path.join(root, 'scenarios', 'baseline.yaml'), 'utf8');
  const edited = baseline.replace(/\n {2}paths: 10000\n/, '\n  paths: 400\n').replace(/\ndossier:\n {2}stresses:\n(?: {4}- [a-z-]+\n)+/, '\ndossier:\n  stresses: [stress-rates, stress-levy]\n');
  expect(edited).toContain('paths: 400');
  expect(edited).toContain('stresses: [stress-rates, stress-levy]');
  writeFileSync(path.join(root, 'scenarios', 'baseline.yaml'), edited);
  writeFileSync(path.join(root, 'scenarios', 'my-levy.yaml'), 'extends: baseline\ndescription: my own levy case\nfunding:\n  levyScale: 0.4\n');
  const r = await run();
  expect(r.code, r.stderr).toBe(0);
  first = read('dossier-en.html');
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the dossier of bcid run', () => {
  it('holds the stresses the scenario names and its Monte Carlo at risk.paths and the scenario seed', () => {
    expect(first).toContain('Monte Carlo simulation over 400 paths (seed 20251223)');
    expect(first).toContain('Rate shock: +200 bp on the bank’s new bonds');
    const comparison = JSON.parse(read('risk/comparison.json')) as { reference: string; scenarios: { name: string }[] };
    expect(comparison.reference).toBe('baseline');
    expect(comparison.scenarios.map((s) => s.name)).toEqual(['baseline', 'stress-rates', 'stress-levy']);
    const mc = JSON.parse(read('risk/montecarlo.json')) as { paths: number; seed: number; scenario: string };
    expect(mc).toMatchObject({ paths: 400, seed: 20251223, scenario: 'baseline' });
  });

  it('lists every result that enters it, and the stress scenarios among its inputs', async () => {
    const manifest = JSON.parse(read('manifest.json')) as { inputs: { path: string }[]; outputs: { path: string }[] };
    const outputs = manifest.outputs.map((o) => o.path);
    for (const f of ['results.json', 'risk/montecarlo.json', 'risk/comparison.json', 'dossier-en.html']) expect(outputs).toContain(f);
    const inputs = manifest.inputs.map((i) => i.path);
    for (const f of ['scenarios/baseline.yaml', 'scenarios/stress-rates.yaml', 'scenarios/stress-levy.yaml', 'data/projects.csv']) expect(inputs).toContain(f);
    expect(new Set(inputs).size).toBe(inputs.length);
    expect((await runCli(['--root', root, 'verify', 'reports/baseline'], root)).code).toBe(0);
  });

  it('is byte-identical when run again', async () => {
    expect((await run()).code).toBe(0);
    expect(read('dossier-en.html')).toBe(first);
  }, 120_000);

  it('is not changed by `compare baseline my-levy`', async () => {
    const c = await runCli(['--root', root, 'compare', 'baseline', 'my-levy', '--no-charts', '--quiet'], root);
    expect(c.code, c.stderr).toBe(0);
    expect(read('dossier-en.html')).toBe(first);
    expect((await run()).code).toBe(0);
    expect(read('dossier-en.html')).toBe(first);
    expect(read('dossier-en.html')).not.toContain('my-levy');
  }, 120_000);

  it('ignores a tampered Monte Carlo file, in its packet or in a bcid risk packet', async () => {
    const r = await runCli(['--root', root, 'risk', 'baseline', '--paths', '300', '--no-charts', '--quiet'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(root, 'reports', 'risk-baseline', 'montecarlo.json'))).toBe(true);
    for (const file of [path.join(packet, 'risk', 'montecarlo.json'), path.join(root, 'reports', 'risk-baseline', 'montecarlo.json')]) {
      const mc = JSON.parse(readFileSync(file, 'utf8')) as { anyBreachProbability: number; breaches: { probability: number }[] };
      writeFileSync(file, JSON.stringify({ ...mc, anyBreachProbability: 0.012, breaches: mc.breaches.map((b) => ({ ...b, probability: 0.012 })) }));
    }
    expect((await run()).code).toBe(0);
    expect(read('dossier-en.html')).toBe(first);
  }, 120_000);

  it('bcid dossier refuses a packet whose risk file was changed after the run', async () => {
    const file = path.join(packet, 'risk', 'montecarlo.json');
    const whole = readFileSync(file, 'utf8');
    writeFileSync(file, whole.replace('"paths": 400', '"paths": 401'));
    const d = await runCli(['--root', root, 'dossier', 'baseline', '--no-pdf', '--lang', 'en'], root);
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/risk\/montecarlo\.json has changed since `bcid run` wrote it/);
    writeFileSync(file, whole);
    expect((await runCli(['--root', root, 'dossier', 'baseline', '--no-pdf', '--lang', 'en'], root)).code).toBe(0);
    expect(read('dossier-en.html')).toBe(first);
  }, 120_000);

  it('with --no-risk says it has no risk section, and the packet holds no risk file', async () => {
    expect((await run('--no-risk')).code).toBe(0);
    const html = read('dossier-en.html');
    expect(html).toContain('No stress test is attached to this edition of the dossier.');
    expect(html).not.toContain('Monte Carlo simulation over');
    const manifest = JSON.parse(read('manifest.json')) as { outputs: { path: string }[] };
    expect(manifest.outputs.some((o) => o.path.startsWith('risk/'))).toBe(false);
  }, 120_000);

  it('validate names an unknown stress scenario in dossier.stresses', async () => {
    writeFileSync(path.join(root, 'scenarios', 'typo.yaml'), 'extends: baseline\ndossier:\n  stresses: [stress-ratez]\n');
    const v = await runCli(['--root', root, 'validate', 'typo'], root);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/scenarios\/typo\.yaml:3:\d+: error \[unknown-scenario\] dossier\.stresses names "stress-ratez"/);
    expect(v.stderr).toContain('did you mean "stress-rates"?');
  });
});
