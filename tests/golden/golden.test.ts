/**
 * Runs every case of tests/golden/<case>/ (format: tests/golden/README.md) and compares
 * what a user would see, stdout, stderr and the exit code, with the expected files.
 * `npm run golden:update` rewrites the expected files from the current code instead.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { expected, readCases, runCase, Workspace, writeExpected, OUTPUT_FILES } from './harness.js';

/** The subcommand: the first argument that is not an option (nor the value of --root). */
function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--root') i++;
    else if (!argv[i]!.startsWith('-')) return argv[i];
  }
  return undefined;
}

const UPDATE = process.env['BCID_GOLDEN_UPDATE'] === '1';
const cases = readCases();
const workspace = new Workspace();
afterAll(() => workspace.dispose());

describe('golden cases', () => {
  it('there are at least 25, covering every command', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    const commands = new Set(cases.map((c) => commandOf(c.argv)));
    for (const command of ['run', 'risk', 'compare', 'loan', 'validate', 'verify', 'generate', 'dossier']) expect(commands, command).toContain(command);
  });

  for (const c of cases) {
    it(
      c.name,
      async () => {
        const actual = await runCase(c, workspace);
        if (UPDATE) writeExpected(c, actual);
        for (const file of OUTPUT_FILES) {
          const want = expected(c, file);
          expect(want, `${c.name}/${file} is missing: npm run golden:update`).toBeDefined();
          expect(actual[file], `${c.name}/${file}`).toBe(want);
        }
      },
      120_000,
    );
  }
});
