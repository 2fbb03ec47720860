import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogue, materialise } from '../helpers/catalogue.js';
import { caseArgv, emittedCodes } from '../../scripts/errors-doc.js';
import { diagnosticHeads, runCli } from '../cli/run-cli.js';
import { REPO_ROOT } from '../helpers/project.js';

/**
 * Golden tests over the error catalogue (tests/fixtures/errors/<code>/): each
 * case is the mini project plus a few bad files; `bcid validate` must report
 * the case's code at a real file and line, and print exactly expected.txt.
 * Regenerate with UPDATE_GOLDEN=1 npx vitest run tests/validate, then read every diff.
 */
const update = process.env['UPDATE_GOLDEN'] === '1';
const cases = catalogue();
const disposers: (() => void)[] = [];
afterAll(() => disposers.forEach((d) => d()));

describe('error catalogue', () => {
  it.each(cases.map((c) => [c.code, c] as const))('%s', async (code, c) => {
    const project = materialise(c);
    disposers.push(project.dispose);
    const run = await runCli(['--root', project.root, ...caseArgv(c.spec)]);

    expect(run.code, run.stderr).toBe(c.spec.exitCode ?? 1);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace
    expect(run.stderr).not.toContain(project.root); // paths are shown relative to the project
    const heads = diagnosticHeads(run.stderr);
    const own = heads.filter((h) => h.code === code);
    expect(own.length, `expected a [${code}] diagnostic in:\n${run.stderr}`).toBeGreaterThan(0);
    for (const h of own) {
      expect(existsSync(path.join(project.root, h.file)), `${h.file} should be a file of the project`).toBe(true);
      expect(h.line).toBeGreaterThanOrEqual(1);
      expect(h.column).toBeGreaterThanOrEqual(1);
    }
    expect(c.spec.description).toMatch(/^[A-Z].*\.$/);

    const expectedFile = path.join(c.dir, 'expected.txt');
    if (update || c.expected === null) {
      writeFileSync(expectedFile, run.stderr);
      if (!update) throw new Error(`wrote ${expectedFile}: read it, then re-run`);
    } else {
      expect(run.stderr).toBe(c.expected);
    }

    // The same problems as JSON, for scripts (validate only: run has no JSON output).
    if (c.spec.command === 'run') return;
    const json = await runCli(['--root', project.root, 'validate', c.spec.scenario, '--format', 'json']);
    expect(json.code).toBe(run.code);
    const parsed = JSON.parse(json.stdout) as { valid: boolean; diagnostics: { code: string; file: string; line: number; column: number; message: string }[] };
    expect(parsed.valid).toBe(run.code === 0);
    expect(parsed.diagnostics.map((d) => d.code)).toContain(code);
    expect(parsed.diagnostics).toHaveLength(heads.length);
  });

  it('has a case for every code the loaders and checks can emit', () => {
    const emitted = new Set(emittedCodes(REPO_ROOT));
    const covered = new Set(cases.map((c) => c.code));
    expect([...emitted].filter((code) => !covered.has(code)).sort(), 'codes without a folder in tests/fixtures/errors/').toEqual([]);
    expect([...covered].filter((code) => !emitted.has(code)).sort(), 'catalogue folders for codes no source emits').toEqual([]);
  });
});
