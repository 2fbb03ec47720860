import { describe, expect, it } from 'vitest';
import { allocationLp } from '../../../src/model/allocation/export-lp.js';
import { loadHighs } from '../../../src/model/allocation/highs.js';
import { compactTerms, formatExpression, writeLp } from '../../../src/model/allocation/lp-writer.js';
import { solveLp } from '../../../src/model/allocation/milp.js';
import { runModel } from '../../../src/model/run.js';
import { EVEN, inputs, project, scenario } from '../fixtures.js';

describe('CPLEX LP writer', () => {
  it('writes signs, coefficients and wraps long rows', () => {
    expect(formatExpression([{ variable: 'x', coefficient: 1 }, { variable: 'y', coefficient: -2.5 }])).toBe('x - 2.5 y');
    expect(formatExpression([{ variable: 'x', coefficient: -1 }])).toBe('- x');
    const long = formatExpression(Array.from({ length: 8 }, (_, i) => ({ variable: `v${i}`, coefficient: 1 })), 6);
    expect(long.split('\n')).toHaveLength(2);
    expect(compactTerms([{ variable: 'a', coefficient: 1 }, { variable: 'a', coefficient: -1 }, { variable: 'b', coefficient: 2 }])).toEqual([{ variable: 'b', coefficient: 2 }]);
  });

  it('produces a model HiGHS reads and solves', async () => {
    const text = writeLp({
      comments: ['knapsack'],
      sense: 'Maximize',
      objective: [
        { variable: 'x1', coefficient: 3 },
        { variable: 'x2', coefficient: 2 },
        { variable: 'x3', coefficient: 4 },
      ],
      constraints: [{ name: 'cap', terms: [{ variable: 'x1', coefficient: 2 }, { variable: 'x2', coefficient: 2 }, { variable: 'x3', coefficient: 3 }], sense: '<=', rhs: 4 }],
      free: [],
      upper: new Map(),
      binaries: ['x1', 'x2', 'x3'],
    });
    expect(text).toContain('Binary');
    const sol = solveLp(await loadHighs(), text, { timeLimitSeconds: 5, mipRelativeGap: 0, seed: 1 });
    expect(sol.status).toBe('optimal');
    expect(sol.objective).toBe(5);
    expect(sol.values.get('x1')).toBe(1);
    expect(sol.values.get('x2')).toBe(1);
  });
});

describe('--export-lp', () => {
  it('returns the MILP the optimal run solved; another solve of it gives the same objective', async () => {
    const ps = [
      project({ id: 'A', countries: EVEN, bcidRequested: 30_000, eirr: 0.2 }),
      project({ id: 'B', countries: EVEN, bcidRequested: 40_000, eirr: 0.1 }),
      project({ id: 'C', countries: EVEN, bcidRequested: 25_000, eirr: 0.15, sector: 'solar' }),
    ];
    const s = scenario({ allocation: { mipRelativeGap: 0 } });
    const text = await allocationLp(inputs(ps), s);
    expect(text).toMatch(/^\\ BCID-AES allocation MILP/);
    expect(text).toContain('Maximize');
    expect(text).toMatch(/x_p0_2026/);
    expect(text).toMatch(/liquidity_2026/);
    const results = await runModel(inputs(ps), s, { method: 'optimal' });
    const again = solveLp(await loadHighs(), text, { timeLimitSeconds: 5, mipRelativeGap: 0, seed: 1 });
    const chosen = [...again.values].filter(([k, v]) => k.startsWith('x_') && v > 0.5).length;
    expect(chosen).toBe(results.allocation.filter((a) => a.funded).length);
    // The LP's objective holds the tie-break terms (milp-model.ts: 1e-6 of the largest value per project funded).
    expect(Math.abs(again.objective - results.solver.milpObjective!) / results.solver.milpObjective!).toBeLessThan(1e-5);
  });
});
