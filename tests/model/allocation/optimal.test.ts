import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, isFeasible } from '../../../src/model/allocation/evaluate.js';
import { greedyAllocation } from '../../../src/model/allocation/greedy.js';
import { loadHighs, type Highs } from '../../../src/model/allocation/highs.js';
import { optimalAllocation } from '../../../src/model/allocation/milp.js';
import { portfolioValue } from '../../../src/model/allocation/ranking.js';
import { prepareRun } from '../../../src/model/run.js';
import { bruteForce, instanceArb } from './small.js';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

describe('optimal allocation on small instances', () => {
  it('agrees with brute force over all subsets (no borrowing, single-project limit slack)', async () => {
    let nontrivial = 0;
    await fc.assert(
      fc.asyncProperty(instanceArb(7, true), async (inst) => {
        const prep = await prepareRun(inst.inputs, inst.scenario);
        const greedy = greedyAllocation(prep.model);
        const opt = await optimalAllocation(prep.model, greedy, highs);
        const brute = bruteForce(prep.model);
        expect(opt.status).toBe('optimal');
        expect(opt.milpScore).toBeCloseTo(brute.score, 6);
        expect(portfolioValue(prep.model, opt.evaluation.commitments)).toBeCloseTo(brute.score, 6);
        expect(isFeasible(opt.evaluation)).toBe(true);
        if (brute.placements.length > 0 && brute.placements.length < prep.model.eligible.length) nontrivial++;
      }),
      { numRuns: 25, seed: 20251223 },
    );
    // the instances must actually bind: in some, not everything eligible fits
    expect(nontrivial).toBeGreaterThan(5);
  }, 120_000);

  it('agrees with brute force with borrowing and a binding single-project limit', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb(7, false), async (inst) => {
        // Exactness is tested without the central case's expected-loss charge: with it the MILP is
        // still feasible and never below greedy (next test) but can miss the optimum — a known gap
        // (docs/wip/README.md), left for the next change to the MILP's rows.
        const prep = await prepareRun(inst.inputs, { ...inst.scenario, credit: { ...inst.scenario.credit, centralCase: 'none' as const } });
        const opt = await optimalAllocation(prep.model, greedyAllocation(prep.model), highs);
        const brute = bruteForce(prep.model);
        expect(portfolioValue(prep.model, opt.evaluation.commitments)).toBeCloseTo(brute.score, 6);
      }),
      { numRuns: 20, seed: 5 },
    );
  }, 120_000);

  it('never scores below greedy on the same objective (npv-per-capital, the default, and ipf-score), and its allocation respects every limit (with borrowing)', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb(8, false), fc.constantFrom('npv-per-capital' as const, 'ipf-score' as const), async (inst, objective) => {
        const prep = await prepareRun(inst.inputs, { ...inst.scenario, allocation: { ...inst.scenario.allocation, objective } });
        const greedy = greedyAllocation(prep.model);
        const opt = await optimalAllocation(prep.model, greedy, highs);
        const g = portfolioValue(prep.model, greedy.evaluation.commitments);
        const o = portfolioValue(prep.model, opt.evaluation.commitments);
        expect(o).toBeGreaterThanOrEqual(g - 1e-9);
        const fresh = evaluate(prep.model, opt.evaluation.placements);
        expect(fresh.hard).toEqual([]);
        expect(fresh.share).toEqual([]);
      }),
      { numRuns: 25, seed: 7 },
    );
  }, 120_000);

  it('greedy is feasible, and the MILP solution itself scores at least as high', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb(6, true), async (inst) => {
        const prep = await prepareRun(inst.inputs, inst.scenario);
        const greedy = greedyAllocation(prep.model);
        expect(isFeasible(greedy.evaluation)).toBe(true);
        const opt = await optimalAllocation(prep.model, greedy, highs);
        // the MILP itself (before completion or fallback) is at least as good as greedy
        expect(opt.milpScore!).toBeGreaterThanOrEqual(portfolioValue(prep.model, greedy.evaluation.commitments) - 1e-9);
      }),
      { numRuns: 15, seed: 99 },
    );
  }, 120_000);
});
