import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, type ScenarioReader } from '../../src/io/scenario-loader.js';

const baselineText = readFileSync(new URL('../../scenarios/baseline.yaml', import.meta.url), 'utf8');

function readerFor(files: Record<string, string>): ScenarioReader {
  return (name) => (name in files ? { file: `scenarios/${name}.yaml`, text: files[name]! } : null);
}

describe('scenario inheritance', () => {
  it('overrides only the keys a child sets, deep-merging mappings', () => {
    const child = 'extends: baseline\npolicy:\n  equityToLoansFloor: 0.5\nfunding:\n  borrowing:\n    enabled: false\n';
    const { value, diagnostics } = loadScenario('child', readerFor({ baseline: baselineText, child }));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(value?.scenario.name).toBe('child');
    expect(value?.scenario.policy.equityToLoansFloor).toBe(0.5);
    // siblings of the overridden keys are inherited from the baseline
    expect(value?.scenario.policy.liquidityMonths).toBe(12);
    expect(value?.scenario.funding.borrowing.enabled).toBe(false);
    expect(value?.scenario.funding.borrowing.rate).toBe(0.065);
    expect(value?.files).toEqual(['scenarios/child.yaml', 'scenarios/baseline.yaml']);
  });

  it('replaces lists instead of concatenating them', () => {
    const mid = 'extends: baseline\nallocation:\n  pinned: [AES-001, AES-003]\n';
    const leaf = 'extends: mid\nallocation:\n  pinned: [AES-010]\n';
    const { value } = loadScenario('leaf', readerFor({ baseline: baselineText, mid, leaf }));
    expect(value?.scenario.allocation.pinned).toEqual(['AES-010']);
  });

  it('reports an error in an inherited file at the line of that file', () => {
    const broken = baselineText.replace('liquidityMonths: 12', 'liquidityMonths: twelve');
    const child = 'extends: baseline\n';
    const { value, diagnostics } = loadScenario('child', readerFor({ baseline: broken, child }));
    expect(value).toBeNull();
    const d = diagnostics.find((x) => x.field === 'policy.liquidityMonths');
    const expectedLine = broken.split('\n').findIndex((l) => l.includes('liquidityMonths: twelve')) + 1;
    expect(d).toMatchObject({ file: 'scenarios/baseline.yaml', line: expectedLine, column: 20 });
  });

  it('points at the child when the child sets the bad value', () => {
    const child = 'extends: baseline\n\npolicy:\n  fairReturnBand: 2\n';
    const { diagnostics } = loadScenario('child', readerFor({ baseline: baselineText, child }));
    expect(diagnostics[0]).toMatchObject({ file: 'scenarios/child.yaml', line: 4, column: 19, code: 'invalid-value' });
  });

  it('detects cycles', () => {
    const { value, diagnostics } = loadScenario('a', readerFor({ a: 'extends: b\n', b: 'extends: a\n' }));
    expect(value).toBeNull();
    expect(diagnostics.map((d) => d.code)).toContain('extends-cycle');
  });

  it('refuses names that would leave the scenarios folder', () => {
    const { diagnostics } = loadScenario('child', readerFor({ child: 'extends: ../../etc/passwd\n' }));
    expect(diagnostics[0]).toMatchObject({ code: 'invalid-scenario-name', file: 'scenarios/child.yaml', line: 1 });
  });
});
