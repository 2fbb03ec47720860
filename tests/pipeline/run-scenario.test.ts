/**
 * The library's `runScenario` is `bcid run`: on every shipped scenario, the
 * results it returns are deep-equal to the results.json `bcid run` writes.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario, ScenarioInputError } from '../../src/index.js';
import { REPO_ROOT } from '../helpers/project.js';
import { runCli } from '../helpers/cli.js';

const root = mkdtempSync(path.join(tmpdir(), 'bcid-run-scenario-'));
cpSync(path.join(REPO_ROOT, 'scenarios'), path.join(root, 'scenarios'), { recursive: true });
cpSync(path.join(REPO_ROOT, 'data'), path.join(root, 'data'), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const shipped = readdirSync(path.join(REPO_ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -'.yaml'.length));

describe('runScenario equals bcid run', () => {
  it('ships scenarios to compare', () => {
    expect(shipped).toContain('baseline');
    expect(shipped.length).toBeGreaterThan(5);
  });

  it.each(shipped)('%s', async (name) => {
    // results.json does not depend on the dossier's risk section: only the baseline computes it here, to keep the test fast.
    const cli = await runCli(['--root', root, 'run', name, '--no-pdf', '--quiet', ...(name === 'baseline' ? [] : ['--no-risk'])], root);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const written: unknown = JSON.parse(readFileSync(path.join(root, 'reports', name, 'results.json'), 'utf8'));
    const library = await runScenario(name, { root });
    // Through JSON, as results.json holds it (undefined fields drop out the same way).
    expect(JSON.parse(JSON.stringify(library))).toEqual(written);
  }, 120_000);

  it('takes a path as well as a name', async () => {
    const byPath = await runScenario('scenarios/stress-rates.yaml', { root });
    const byName = await runScenario('stress-rates', { root });
    expect(byPath).toEqual(byName);
    expect(byPath.scenario.name).toBe('stress-rates');
  }, 60_000);

  it('refuses invalid inputs with their diagnostics, running nothing', async () => {
    const error = await runScenario('no-such-scenario', { root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioInputError);
    expect((error as ScenarioInputError).diagnostics.length).toBeGreaterThan(0);
  });
});
