import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GROUPS, emittedCodes, errorsDoc, readCatalogue } from '../../scripts/errors-doc.js';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/codes.js';
import { REPO_ROOT } from '../helpers/project.js';

describe('docs/errors.md', () => {
  const cases = readCatalogue(REPO_ROOT);

  it('is what `npm run errors-doc` generates from tests/fixtures/errors/ (run it after changing the catalogue)', () => {
    expect(readFileSync(path.join(REPO_ROOT, 'docs', 'errors.md'), 'utf8')).toBe(errorsDoc(cases));
  });

  it('documents every code once, with its description and example, and the exit codes', () => {
    const doc = errorsDoc(cases);
    for (const c of cases) {
      expect(doc.split(`\n### ${c.code}\n`)).toHaveLength(2);
      expect(doc).toContain(c.spec.description);
    }
    for (const g of GROUPS) expect(doc).toContain(`\n## ${g}\n`);
    expect(doc).toMatch(/\| 0 \| valid[^\n]*\n\| 1 \| input data or scenario invalid[^\n]*\n\| 2 \| usage error[^\n]*\n\| 3 \| internal error/);
  });

  it('documents every diagnostic code that any module of src/ emits, and every DiagnosticCode', () => {
    const doc = errorsDoc(cases);
    const scanned = emittedCodes(REPO_ROOT);
    expect(scanned).toContain('allocation-infeasible');
    expect(scanned).toContain('formula-failed');
    expect(
      scanned.filter((code) => !(DIAGNOSTIC_CODES as readonly string[]).includes(code)),
      'codes emitted but not in DIAGNOSTIC_CODES',
    ).toEqual([]);
    const all = [...new Set([...scanned, ...DIAGNOSTIC_CODES])];
    expect(
      all.filter((code) => !doc.includes(`\n### ${code}\n`)),
      'codes missing from docs/errors.md',
    ).toEqual([]);
  });
});
