import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/io/scenario-loader.js';
import { MINI } from '../helpers/project.js';

const baseline = readFileSync(path.join(MINI, 'scenarios', 'baseline.yaml'), 'utf8');
const load = (files: Record<string, string>, name = 'child') =>
  loadScenario(name, (n) => (n in files ? { file: `scenarios/${n}.yaml`, text: files[n] ?? '' } : null));

describe('loadScenario', () => {
  it('deep-merges extends: objects merge, arrays and scalars are replaced', () => {
    const r = load({
      baseline,
      child: 'extends: baseline\nlending:\n  sovereign:\n    grace: 8\nallocation:\n  pinned: [AES-001]\npolicy:\n  sectorCaps: { rail: 0.2 }\n',
    });
    expect(r.diagnostics).toEqual([]);
    const s = r.value?.scenario;
    expect(s?.name).toBe('child');
    expect(s?.lending.sovereign).toMatchObject({ years: 20, grace: 8, method: 'linear' });
    expect(s?.allocation.pinned).toEqual(['AES-001']);
    expect(s?.policy.sectorCaps).toEqual({ rail: 0.2, hydro: 0.3, thermal: 0.15, extractives: 0.1 });
    expect(r.value?.files).toEqual(['scenarios/child.yaml', 'scenarios/baseline.yaml']);
  });

  it('locates a key in the file of the chain that sets it', () => {
    const r = load({ baseline, child: 'extends: baseline\nlending:\n  sovereign:\n    grace: 8\n' });
    expect(r.value?.locate(['lending', 'sovereign', 'grace'])).toEqual({ file: 'scenarios/child.yaml', line: 4, column: 12, excerpt: '    grace: 8' });
    const years = r.value?.locate(['lending', 'sovereign', 'years']);
    expect(years).toMatchObject({ file: 'scenarios/baseline.yaml', excerpt: '    years: 20' });
  });

  it('reads a scenario starting with a BOM, with CRLF line breaks', () => {
    const r = load({ baseline, child: '\ufeffextends: baseline\r\nseed: 7\r\nappraisal:\r\n  discountrate: 0.08\r\n' });
    expect(r.diagnostics).toMatchObject([{ code: 'unknown-key', file: 'scenarios/child.yaml', line: 4, column: 3, hint: 'did you mean "discountRate"?' }]);
  });

  it('reports all problems of a scenario at once, each where it is written', () => {
    const r = load({ baseline, child: 'extends: baseline\nhorizon:\n  end: "2040"\nseed: -1\nallocation:\n  method: optimum\n  excluded: AES-001\n' });
    expect(r.value).toBeNull();
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ['invalid-value', 3, 8, 'horizon.end must be a number, got "2040"'],
      ['invalid-value', 4, 7, 'seed must be at least 0, got -1'],
      ['invalid-value', 6, 11, 'allocation.method must be one of "greedy", "optimal", got "optimum"'],
      ['invalid-value', 7, 13, 'allocation.excluded must be a list, got "AES-001"'],
    ]);
    expect(r.diagnostics[2]?.hint).toBe('did you mean "optimal"?');
  });

  it('reports a problem of the inherited scenario in that file', () => {
    const r = load({ baseline: baseline.replace('  end: 2055', '  end: 2055\n  end: 2060'), child: 'extends: baseline\n' });
    expect(r.diagnostics).toMatchObject([{ code: 'duplicate-key', file: 'scenarios/baseline.yaml' }]);
  });

  it('names a missing nested key at the mapping that should hold it', () => {
    const r = load({ child: baseline.replace('  end: 2055\n', '') });
    expect(r.diagnostics).toMatchObject([{ code: 'missing-key', message: 'horizon.end is missing', line: 19, column: 1, excerpt: 'horizon:' }]);
  });
});
