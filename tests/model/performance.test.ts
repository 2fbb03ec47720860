import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runModel } from '../../src/model/run.js';
import { contributions, inputs, portfolioArb, scenario } from './fixtures.js';

describe('performance', () => {
  it('a 60-project, 30-year greedy run stays well under a second or two', async () => {
    const projects = fc.sample(portfolioArb(60, 60), { numRuns: 1, seed: 60 })[0]!.map((p) => ({ ...p, bcidRequested: p.bcidRequested * 2 }));
    const inp = inputs(projects, contributions(41_667, [2025, 2026, 2027, 2028], 10_000));
    const s = scenario({ policy: { fairReturnBand: 0.2 } });
    await runModel(inp, s); // warm-up (module loading, JIT)
    const t0 = performance.now();
    const r = await runModel(inp, s);
    const ms = performance.now() - t0;
    expect(r.allocation.filter((a) => a.funded).length).toBeGreaterThan(10);
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect(ms).toBeLessThan(3000);
  }, 30_000);
});
