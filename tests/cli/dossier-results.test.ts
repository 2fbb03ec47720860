/** `bcid dossier` reads results.json through a schema with a version: a bad file is exit 1 with one sentence. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readResults } from '../../src/cli/read-results.js';
import { RESULTS_VERSION } from '../../src/model/results.js';
import { REPO_ROOT } from '../helpers/project.js';
import { runCli } from '../helpers/cli.js';

const root = mkdtempSync(path.join(tmpdir(), 'bcid-dossier-results-'));
const resultsFile = path.join(root, 'reports', 'baseline', 'results.json');
let original = '';

beforeAll(async () => {
  cpSync(path.join(REPO_ROOT, 'scenarios'), path.join(root, 'scenarios'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'data'), path.join(root, 'data'), { recursive: true });
  const run = await runCli(['--root', root, 'run', 'baseline', '--no-pdf', '--quiet'], root);
  expect(run.code).toBe(0);
  original = readFileSync(resultsFile, 'utf8');
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const dossier = () => runCli(['--root', root, 'dossier', 'baseline', '--no-pdf'], root);

describe('results.json read back', () => {
  it('carries its version and reads back exactly as written', () => {
    const json = JSON.parse(original) as { version: unknown };
    expect(json.version).toBe(RESULTS_VERSION);
    expect(Object.keys(json)[0]).toBe('version');
    const read = readResults(original, 'results.json');
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.value).toEqual(json);
  });

  it.each([
    ['truncated', (t: string) => t.slice(0, Math.floor(t.length / 2)), /is not valid JSON/],
    ['of another version', (t: string) => t.replace(`"version": ${RESULTS_VERSION}`, '"version": 99'), /results version 99, this bcid reads version 1/],
    ['without a field the report reads', (t: string) => JSON.stringify({ ...(JSON.parse(t) as object), bank: 'none' }), /not a bcid results file \(bank: /],
  ])('a file %s: exit 1, one plain sentence, no stack trace', async (_what, spoil, message) => {
    writeFileSync(resultsFile, spoil(original));
    try {
      const r = await dossier();
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    } finally {
      writeFileSync(resultsFile, original);
    }
  }, 60_000);

  it('renders again once the file is whole', async () => {
    expect((await dossier()).code).toBe(0);
  }, 60_000);
});
