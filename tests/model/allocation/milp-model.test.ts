import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, isFeasible } from '../../../src/model/allocation/evaluate.js';
import { greedyAllocation } from '../../../src/model/allocation/greedy.js';
import { loadHighs, type Highs } from '../../../src/model/allocation/highs.js';
import { writeLp } from '../../../src/model/allocation/lp-writer.js';
import { buildMilp } from '../../../src/model/allocation/milp-model.js';
import { gapToBound, optimalAllocation, relaxationStart, selectedScore, solveLp } from '../../../src/model/allocation/milp.js';
import { portfolioValue } from '../../../src/model/allocation/ranking.js';
import { prepareRun } from '../../../src/model/run.js';
import { EVEN, inputs, project, scenario } from '../fixtures.js';
import { bruteForce, instanceArb } from './small.js';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const exact = { timeLimitSeconds: 20, mipRelativeGap: 0, seed: 1 };

describe('allocation MILP: projects on the same terms', () => {
  it('share one amount variable per commitment year, linked to their binaries by their amounts', async () => {
    const ps = [
      project({ id: 'A', countries: EVEN, bcidRequested: 30_000, eirr: 0.2 }),
      project({ id: 'B', countries: [{ member: 'MLI', share: 1 }], bcidRequested: 40_000, eirr: 0.1 }),
      project({ id: 'C', countries: EVEN, bcidRequested: 25_000, eirr: 0.15, constructionYears: 4 }),
    ];
    const prep = await prepareRun(inputs(ps), scenario({ allocation: { firstCommitmentYear: 2026, lastCommitmentYear: 2026 } }));
    const milp = buildMilp(prep.model, greedyAllocation(prep.model).evaluation.projection, { aggregate: true });
    const links = milp.problem.constraints.filter((c) => /^amount_g\d+_2026$/.test(c.name));
    // A and B share terms and construction profile; C builds over 4 years, so it has its own shape.
    expect(links).toHaveLength(2);
    const shared = links.find((c) => c.terms.length === 3)!;
    const amountOf = (id: string): number => milp.candidates.find((c) => c.eligible.project.id === id)!.amount;
    expect(shared.terms.slice(1).map((t) => -t.coefficient).sort((a, b) => a - b)).toEqual([amountOf('A'), amountOf('B')].sort((a, b) => a - b));
    // Member links carry each project's country share: B is all Mali, A a third.
    const mali = milp.problem.constraints.find((c) => c.name === `amount_MLI_${shared.terms[0]!.variable.slice(2)}`)!;
    const coefficients = new Map(mali.terms.slice(1).map((t) => [t.variable, -t.coefficient]));
    const xA = milp.candidates.find((c) => c.eligible.project.id === 'A')!.variable;
    const xB = milp.candidates.find((c) => c.eligible.project.id === 'B')!.variable;
    expect(coefficients.get(xB)).toBeCloseTo(amountOf('B'), 9);
    expect(coefficients.get(xA)).toBeCloseTo(amountOf('A') / 3, 6);
  });

  it('agree with brute force when every project has the same construction profile (shared shapes)', async () => {
    let shared = 0;
    await fc.assert(
      fc.asyncProperty(instanceArb(7, true), async (inst) => {
        const same = { ...inst, inputs: { ...inst.inputs, projects: inst.inputs.projects.map((p) => ({ ...p, constructionYears: 2, economicLife: 25 })) } };
        const prep = await prepareRun(same.inputs, same.scenario);
        const greedy = greedyAllocation(prep.model);
        const opt = await optimalAllocation(prep.model, greedy, highs, { aggregate: true });
        const brute = bruteForce(prep.model);
        expect(opt.milpScore).toBeCloseTo(brute.score, 6);
        expect(isFeasible(opt.evaluation)).toBe(true);
        const milp = buildMilp(prep.model, greedy.evaluation.projection, { aggregate: true });
        if (milp.problem.constraints.some((c) => /^amount_g\d+_\d+$/.test(c.name) && c.terms.length > 2)) shared++;
      }),
      { numRuns: 15, seed: 31 },
    );
    expect(shared).toBeGreaterThan(10);
  }, 120_000);
});

describe('allocation MILP handed to HiGHS as numbers', () => {
  it('solves to the same optimum as its LP text', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb(6, false), fc.boolean(), async (inst, aggregate) => {
        const prep = await prepareRun(inst.inputs, inst.scenario);
        const milp = buildMilp(prep.model, greedyAllocation(prep.model).evaluation.projection, { aggregate });
        const fromText = solveLp(highs, writeLp(milp.problem), exact);
        const fromNumbers = solveLp(highs, milp.problem, exact);
        expect(fromNumbers.status).toBe(fromText.status);
        expect(fromNumbers.objective).toBeCloseTo(fromText.objective, 6);
        expect(selectedScore(milp, fromNumbers.values)).toBeCloseTo(selectedScore(milp, fromText.values), 6);
      }),
      { numRuns: 16, seed: 3 },
    );
  }, 120_000);
});

describe('MIP start from the LP relaxation', () => {
  it('is feasible, scores no more than the optimum, and the relaxation bounds the optimum', async () => {
    let useful = 0;
    await fc.assert(
      fc.asyncProperty(instanceArb(7, true), async (inst) => {
        const prep = await prepareRun(inst.inputs, inst.scenario);
        const greedy = greedyAllocation(prep.model);
        const milp = buildMilp(prep.model, greedy.evaluation.projection);
        const start = relaxationStart(prep.model, highs, milp, exact);
        const brute = bruteForce(prep.model);
        expect(start.bound).not.toBeNull();
        // The relaxation's objective carries the tie-break terms (≤ 1e-6 per project).
        expect(start.bound!).toBeGreaterThanOrEqual(brute.score - 1e-9);
        if (start.evaluation) {
          expect(isFeasible(start.evaluation)).toBe(true);
          const score = portfolioValue(prep.model, start.evaluation.commitments);
          expect(score).toBeLessThanOrEqual(brute.score + 1e-9);
          if (score > 0) useful++;
        }
      }),
      { numRuns: 20, seed: 11 },
    );
    expect(useful).toBeGreaterThan(10);
  }, 120_000);

  it('keeps every pinned project', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(instanceArb(7, false), async (inst) => {
        const pinned = { ...inst.scenario, allocation: { ...inst.scenario.allocation, pinned: ['P1', 'P2'] } };
        let prep;
        try {
          prep = await prepareRun(inst.inputs, pinned);
          greedyAllocation(prep.model);
        } catch {
          return; // pins that cannot be funded: nothing to start from
        }
        const ids = prep.model.eligible.filter((e) => e.pinned).map((e) => e.project.id);
        const milp = buildMilp(prep.model, evaluate(prep.model, []).projection);
        const start = relaxationStart(prep.model, highs, milp, exact);
        if (!start.evaluation) return;
        expect(isFeasible(start.evaluation)).toBe(true);
        for (const id of ids) expect(start.evaluation.placements.map((p) => p.projectId)).toContain(id);
        checked++;
      }),
      { numRuns: 25, seed: 23 },
    );
    expect(checked).toBeGreaterThan(5);
  }, 120_000);

  it('gives the gap to the bound as HiGHS defines it', () => {
    expect(gapToBound(101, 100)).toBeCloseTo(0.01, 12);
    expect(gapToBound(100, 100)).toBe(0);
    expect(gapToBound(0.5, 0.25)).toBeCloseTo(1, 12); // divided by |objective|, also below 1
    expect(gapToBound(0, 0)).toBe(0);
    expect(gapToBound(1, 0)).toBeNull();
    expect(gapToBound(null, 100)).toBeNull();
    expect(gapToBound(100, Number.NaN)).toBeNull();
  });
});

describe('allocation MILP formulations', () => {
  it('aggregated and per-candidate rows have the same LP relaxation and the same optimum', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb(7, false), async (inst) => {
        const prep = await prepareRun(inst.inputs, inst.scenario);
        const reference = greedyAllocation(prep.model).evaluation.projection;
        const grouped = buildMilp(prep.model, reference, { aggregate: true });
        const dense = buildMilp(prep.model, reference, { aggregate: false });
        expect(dense.problem.constraints.some((c) => c.name.startsWith('amount_'))).toBe(false);
        const relaxed = [grouped, dense].map((m) => solveLp(highs, m.problem, exact, undefined, true));
        expect(relaxed[0]!.objective).toBeCloseTo(relaxed[1]!.objective, 6);
        const solved = [grouped, dense].map((m) => solveLp(highs, m.problem, exact));
        expect(solved[0]!.status).toBe(solved[1]!.status);
        if (solved[0]!.hasSolution) expect(solved[0]!.objective).toBeCloseTo(solved[1]!.objective, 6);
      }),
      { numRuns: 15, seed: 17 },
    );
  }, 120_000);
});
