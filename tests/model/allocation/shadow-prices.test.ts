import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/model/allocation/evaluate.js';
import { greedyAllocation } from '../../../src/model/allocation/greedy.js';
import { loadHighs, type Highs } from '../../../src/model/allocation/highs.js';
import { optimalAllocation, selectedScore, solveLp } from '../../../src/model/allocation/milp.js';
import { buildMilp, placementsFrom } from '../../../src/model/allocation/milp-model.js';
import { bindingLimits, RELAXATION } from '../../../src/model/allocation/shadow-prices.js';
import { prepareRun, runModel } from '../../../src/model/run.js';
import { EVEN, inputs, project, scenario } from '../fixtures.js';
import { instanceArb } from './small.js';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const exact = { timeLimitSeconds: 20, mipRelativeGap: 0, seed: 1 };

describe('shadow prices (solver.shadowPrices)', () => {
  it('a single-project cap that cuts the only project is worth its value per franc, per bn (closed form)', async () => {
    // 300 bn of opening capital, a 10 % single-project limit: a 40 bn project gets 30 bn in 2026.
    const a = project({ id: 'A', countries: EVEN, bcidRequested: 40_000, coFinancing: 40_000, totalCost: 80_000 });
    const s = scenario({ policy: { singleProjectLimit: 0.1 }, allocation: { mipRelativeGap: 0 } });
    const r = await runModel(inputs([a]), s, { method: 'optimal' });
    const row = r.allocation[0]!;
    expect(row.commitmentYear).toBe(2026);
    expect(row.approved).toBeCloseTo(30_000, 6);
    const prep = await prepareRun(inputs([a]), s);
    const value = prep.model.eligible[0]!.value;
    // One more bn of cap: 1,000 more of a 40,000 need, funded in its first year.
    expect(r.solver.shadowPrices).toEqual([{ limit: 'single-project', year: 2026, perBillion: expect.closeTo((value * 1000) / 40_000, 6) }]);
    expect(r.solver.marginalScorePerBillion).toBeCloseTo((value * 1000) / 40_000, 6);
  });

  it('equal a finite difference of re-solved runs: the MILP solved again with the limit 1 bn looser, its caps following', async () => {
    let priced = 0;
    await fc.assert(
      fc.asyncProperty(instanceArb(6, true), async (inst) => {
        // Without the expected-loss charge, where the MILP is exact (docs/wip/README.md).
        const s = { ...inst.scenario, credit: { ...inst.scenario.credit, centralCase: 'none' as const }, allocation: { ...inst.scenario.allocation, mipRelativeGap: 0 } };
        const prep = await prepareRun(inst.inputs, s);
        const opt = await optimalAllocation(prep.model, greedyAllocation(prep.model), highs);
        const prices = opt.shadowPrices ?? [];
        // An exact instance settles at once on the greedy path: the base is that solve.
        const reference = greedyAllocation(prep.model).evaluation.projection;
        const base = buildMilp(prep.model, reference);
        const baseSolution = solveLp(highs, base.problem, exact);
        const baseValue = selectedScore(base, baseSolution.values);
        const baseChoice = evaluate(prep.model, placementsFrom(base.candidates, baseSolution.values), reference);
        for (const b of bindingLimits(prep.model, base, baseChoice)) {
          const relaxed = buildMilp(prep.model, reference, { relax: b.relax });
          const first = solveLp(highs, relaxed.problem, exact);
          const path = evaluate(prep.model, placementsFrom(relaxed.candidates, first.values), reference).projection;
          const again = buildMilp(prep.model, path, { relax: b.relax });
          const solution = solveLp(highs, again.problem, exact);
          const relaxedValue = Math.max(selectedScore(relaxed, first.values), selectedScore(again, solution.values));
          const difference = ((relaxedValue - baseValue) * 1000) / RELAXATION;
          const reported = prices.find((p) => p.limit === b.price.limit && p.year === b.price.year && p.aspect === b.price.aspect && p.member === b.price.member && p.sector === b.price.sector);
          expect(reported, JSON.stringify(b.price)).toBeDefined();
          expect(reported!.perBillion).toBeCloseTo(difference, 6);
          // Relaxing a limit never costs anything (exact solves, the base allocation stays feasible).
          expect(reported!.perBillion).toBeGreaterThanOrEqual(-1e-6);
          priced++;
        }
      }),
      { numRuns: 12, seed: 41 },
    );
    expect(priced).toBeGreaterThan(5);
  }, 120_000);
});
