import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import setup, { changes, snapshotFolder } from '../support/reports-guard.js';

describe('the reports/ guard of the test run (issue 12, item 4)', () => {
  it('notices a file added, changed or removed anywhere under a folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bcid-guard-'));
    try {
      mkdirSync(path.join(dir, 'baseline', 'risk'), { recursive: true });
      writeFileSync(path.join(dir, 'baseline', 'results.json'), '{}');
      const before = snapshotFolder(dir);
      expect(changes(before, snapshotFolder(dir))).toEqual([]);
      writeFileSync(path.join(dir, 'baseline', 'risk', 'montecarlo.json'), '{"paths":300}');
      utimesSync(path.join(dir, 'baseline', 'results.json'), new Date(0), new Date(0));
      expect(changes(before, snapshotFolder(dir))).toEqual(['added baseline/risk/montecarlo.json', 'changed baseline/results.json']);
      rmSync(path.join(dir, 'baseline', 'results.json'));
      expect(changes(before, snapshotFolder(dir))).toContain('removed baseline/results.json');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is a global set-up returning a teardown', () => {
    expect(typeof setup()).toBe('function');
  });
});
