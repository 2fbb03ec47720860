/** Writes docs/errors.md from the error catalogue in tests/fixtures/errors/ (`npm run errors-doc`). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorsDoc, readCatalogue } from './errors-doc.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(repoRoot, 'docs', 'errors.md');
const cases = readCatalogue(repoRoot);
const missing = cases.filter((c) => c.expected === null).map((c) => c.code);
if (missing.length > 0) {
  process.stderr.write(`no expected.txt for: ${missing.join(', ')}; run UPDATE_GOLDEN=1 npx vitest run tests/validate first\n`);
  process.exitCode = 1;
} else {
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, errorsDoc(cases));
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)} (${cases.length} error kinds)\n`);
}
