import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/io/scenario-loader.js';
import { MEMBER_CODES } from '../../src/schema/codes.js';
import { formatStress, parseStress, STRESS_EXAMPLES, suggestStress, type Stress } from '../../src/schema/stress-names.js';

describe('stress names', () => {
  it('every example parses and formats back to itself', () => {
    for (const name of STRESS_EXAMPLES) {
      const s = parseStress(name);
      expect(s, name).not.toBeNull();
      expect(formatStress(s!)).toBe(name);
    }
  });

  it('reads the parameters', () => {
    expect(parseStress('rate-shock-400')).toEqual({ kind: 'rate-shock', bp: 400, fromYear: null });
    expect(parseStress('rate-shock-200-2030')).toEqual({ kind: 'rate-shock', bp: 200, fromYear: 2030 });
    expect(parseStress('levy-shortfall-50')).toEqual({ kind: 'levy-shortfall', pct: 50, fromYear: null });
    expect(parseStress('late-capital-all-2y')).toEqual({ kind: 'late-capital', members: ['MLI', 'BFA', 'NER'], years: 2 });
    expect(parseStress('default-NER-2030-3y')).toEqual({ kind: 'default', members: ['NER'], year: 2030, arrearsYears: 3, recovery: null, joint: false });
    expect(parseStress('joint-default-2032-3y-r60')).toEqual({ kind: 'default', members: ['MLI', 'BFA', 'NER'], year: 2032, arrearsYears: 3, recovery: 0.6, joint: true });
    expect(parseStress('peg-exit-30-2030')).toEqual({ kind: 'peg-exit', pct: 30, year: 2030 });
    expect(parseStress('pcs-loss')).toEqual({ kind: 'pcs-loss', fromYear: null });
    expect(parseStress('delays-sector')).toEqual({ kind: 'delays', years: 'sector' });
  });

  it('rejects what is outside the grammar', () => {
    for (const bad of ['', 'rate-shock', 'rate-shock-0', 'rate-shock-2001', 'levy-shortfall-150', 'default-XYZ-2030-3y', 'default-ner-2030-3y', 'default-NER-2030', 'default-NER-2030-3y-r120', 'overruns-p90', 'delays-0y', 'peg-exit-95', 'pcs-loss-30', 'late-capital-MLI', 'joint-default-2030']) {
      expect(parseStress(bad), bad).toBeNull();
    }
  });

  it('suggests the valid name closest to a typo, keeping the parameters', () => {
    expect(suggestStress('rate-shok-200')).toBe('rate-shock-200');
    expect(suggestStress('default-ner-2031-4y')).toBe('default-NER-2031-4y');
    expect(suggestStress('levy-shortfal-30-2029')).toBe('levy-shortfall-30-2029');
    expect(suggestStress('pegexit-30')).toBeNull();
    expect(suggestStress('completely-different')).toBeNull();
  });

  it('format ∘ parse is the identity on every generated stress', () => {
    const member = fc.constantFrom(...MEMBER_CODES);
    const year = fc.option(fc.integer({ min: 2000, max: 2100 }), { nil: null });
    const stress: fc.Arbitrary<Stress> = fc.oneof(
      fc.record({ kind: fc.constant('overruns' as const), level: fc.constantFrom('p50' as const, 'p80' as const) }),
      fc.record({ kind: fc.constant('delays' as const), years: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.constant('sector' as const)) }),
      fc.record({ kind: fc.constant('rate-shock' as const), bp: fc.integer({ min: 1, max: 2000 }), fromYear: year }),
      fc.record({ kind: fc.constant('levy-shortfall' as const), pct: fc.integer({ min: 1, max: 100 }), fromYear: year }),
      fc.record({ kind: fc.constant('late-capital' as const), members: member.map((m) => [m]), years: fc.integer({ min: 1, max: 20 }) }),
      fc.record({
        kind: fc.constant('default' as const),
        members: member.map((m) => [m]),
        year: fc.integer({ min: 2000, max: 2100 }),
        arrearsYears: fc.integer({ min: 0, max: 20 }),
        recovery: fc.option(fc.integer({ min: 0, max: 100 }).map((r) => r / 100), { nil: null }),
        joint: fc.constant(false),
      }),
      fc.record({ kind: fc.constant('pcs-loss' as const), fromYear: year }),
      fc.record({ kind: fc.constant('peg-exit' as const), pct: fc.integer({ min: 1, max: 90 }), year }),
      fc.record({ kind: fc.constant('market-closure' as const), year: fc.integer({ min: 2000, max: 2100 }), years: fc.integer({ min: 1, max: 20 }) }),
      fc.record({ kind: fc.constant('downgrade' as const), bp: fc.integer({ min: 1, max: 2000 }), year: fc.integer({ min: 2000, max: 2100 }) }),
      fc.record({
        kind: fc.constant('largest-borrower-default' as const),
        year: fc.integer({ min: 2000, max: 2100 }),
        arrearsYears: fc.integer({ min: 0, max: 20 }),
        recovery: fc.option(fc.integer({ min: 0, max: 100 }).map((r) => r / 100), { nil: null }),
      }),
    );
    fc.assert(
      fc.property(stress, (s) => {
        expect(parseStress(formatStress(s))).toEqual(s);
      }),
    );
  });
});

describe('stresses in a scenario', () => {
  const reader = (files: Record<string, string>) => (name: string) => (files[name] === undefined ? null : { file: `scenarios/${name}.yaml`, text: files[name]! });

  it('an unknown name is an invalid value at its position, with "did you mean"', async () => {
    const { readFileSync } = await import('node:fs');
    const baseline = readFileSync(new URL('../../scenarios/baseline.yaml', import.meta.url), 'utf8');
    const out = loadScenario('bad', reader({ baseline, bad: 'extends: baseline\nstresses: [pcs-loss, rate-shok-200]\n' }));
    expect(out.value).toBeNull();
    const d = out.diagnostics.find((x) => x.field === 'stresses.1');
    expect(d).toMatchObject({ file: 'scenarios/bad.yaml', line: 2, code: 'invalid-value', hint: 'did you mean "rate-shock-200"?' });
    expect(d?.column).toBe(22);
  });

  it('every shipped stress scenario names valid stresses and extends baseline', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const dir = new URL('../../scenarios/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.startsWith('stress-') && f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    const texts = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => [f.slice(0, -5), readFileSync(new URL(f, dir), 'utf8')]));
    for (const f of files) {
      const name = f.slice(0, -5);
      expect(texts[name]!.split('\n')[0]).toBe('# yaml-language-server: $schema=./scenario.schema.json');
      expect(texts[name]).toMatch(/^extends: baseline$/m);
      const out = loadScenario(name, reader(texts));
      expect(out.diagnostics, name).toEqual([]);
      expect(out.value?.scenario.stresses?.length, name).toBeGreaterThan(0);
    }
  });
});

describe('bcid validate', () => {
  it('exits 1 on an unknown stress, pointing at it with "did you mean"', async () => {
    const { writeFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { tempProject } = await import('../helpers/project.js');
    const { runCli } = await import('../cli/run-cli.js');
    const p = tempProject();
    try {
      writeFileSync(path.join(p.root, 'scenarios', 'bad.yaml'), '# x\nextends: baseline\nstresses: [levy-shortfal-50]\n');
      const run = await runCli(['--root', p.root, 'validate', 'bad']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('scenarios/bad.yaml:3:12: error [invalid-value] stresses.0');
      expect(run.stderr).toContain('= hint: did you mean "levy-shortfall-50"?');
    } finally {
      p.dispose();
    }
  });
});
