/**
 * Issue 12, item 11: `bcid validate` and `bcid run` give the same verdict, with the
 * same message, for a scoring formula. Before the fix, 10^309, 1/0 and log(-1) passed
 * validate (exit 0) and failed run.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { tempProject } from '../helpers/project.js';

const disposers: (() => void)[] = [];
afterAll(() => disposers.forEach((d) => d()));

function projectWithFormula(formula: string): string {
  const p = tempProject();
  disposers.push(p.dispose);
  writeFileSync(path.join(p.root, 'scenarios', 'f.yaml'), `extends: baseline\nappraisal:\n  formula: "${formula}"\n`);
  return p.root;
}

/** The diagnostic lines, without the final one-line summary that differs per command. */
const diagnosticOf = (stderr: string): string =>
  stderr
    .split('\n')
    .filter((l) => /^(scenarios\/|\s+\d* ?\||\s+= hint)/.test(l))
    .join('\n');

describe('validate and run agree on a scoring formula', () => {
  it.each([
    ['10^309', '10 ^ 309 gives Infinity'],
    ['1/0', '1 / 0 gives Infinity'],
    ['log(-1)', 'log(-1) gives NaN'],
  ])(
    '%s: both exit 1 with the same diagnostic',
    async (formula, message) => {
      const root = projectWithFormula(formula);
      const validate = await runCli(['validate', 'f'], root);
      const run = await runCli(['run', 'f', '--no-pdf', '--out', path.join(root, 'out')], root);
      expect(validate.code).toBe(1);
      expect(run.code).toBe(1);
      expect(validate.stderr).toContain(`[invalid-formula] appraisal.formula is not allowed: ${message}, not a finite number`);
      expect(diagnosticOf(run.stderr)).toBe(diagnosticOf(validate.stderr));
    },
    60_000,
  );

  it('fei^(1:1e7) is rejected by validate at once, in a one-line message', async () => {
    const root = projectWithFormula('fei^(1:1e7)');
    const t0 = performance.now();
    const validate = await runCli(['validate', 'f'], root);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain('appraisal.formula is not allowed: ranges (a:b) are not allowed');
    expect(validate.stderr.length).toBeLessThan(2_000);
  }, 60_000);
});
