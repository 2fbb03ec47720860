/**
 * The optimal method when HiGHS runs out of time: the LP relaxation's completed
 * allocation is a result in its own right, and the time limit is counted on the
 * wall clock (model building and relaxations included), not on HiGHS's time alone.
 * HiGHS is wrapped so that these cases happen on purpose, whatever the machine's speed.
 */
import fc from 'fast-check';
import type { ModelData } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isFeasible } from '../../../src/model/allocation/evaluate.js';
import { greedyAllocation } from '../../../src/model/allocation/greedy.js';
import { loadHighs, type Highs } from '../../../src/model/allocation/highs.js';
import { optimalAllocation, relaxationStart } from '../../../src/model/allocation/milp.js';
import { buildMilp } from '../../../src/model/allocation/milp-model.js';
import { portfolioValue } from '../../../src/model/allocation/ranking.js';
import { prepareRun } from '../../../src/model/run.js';
import { instanceArb } from './small.js';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

type Model = ReturnType<Highs['createModel']>;
const isMip = (source: Parameters<Highs['createModel']>[0]): boolean => {
  const data = source as ModelData;
  return data.integrality !== undefined && Array.from(data.integrality).some((t) => t !== 0);
};

/**
 * HiGHS as seen by the allocation, with hooks: `mipGivesNothing` makes every MIP solve stop
 * without a solution; `created` sees every model with its kind and the options it is given;
 * `generous` records the time limits asked for but solves without them, so that a slow
 * machine cannot change which solves happen.
 */
function wrappedHighs(hooks: {
  mipGivesNothing?: boolean;
  generous?: boolean;
  created?: (kind: 'lp' | 'mip', options: Record<string, unknown>[]) => void;
}): Highs {
  const createModel = (source: Parameters<Highs['createModel']>[0]): Model => {
    const model = highs.createModel(source);
    const kind = isMip(source) ? 'mip' : 'lp';
    const optionsSet: Record<string, unknown>[] = [];
    hooks.created?.(kind, optionsSet);
    const options = new Proxy(model.options, {
      get(target, key) {
        if (key === 'set') {
          return (values: Record<string, unknown>) => {
            optionsSet.push(values);
            return target.set((hooks.generous && 'time_limit' in values ? { ...values, time_limit: 600 } : values) as never);
          };
        }
        return Reflect.get(target, key, target) as unknown;
      },
    });
    const info = new Proxy(model.info, {
      get(target, key) {
        if (key === 'get' && kind === 'mip' && hooks.mipGivesNothing) {
          return (name: string) => (name === 'primal_solution_status' ? 0 : target.get(name as never));
        }
        return Reflect.get(target, key, target) as unknown;
      },
    });
    return new Proxy(model, {
      get(target, key) {
        if (key === 'options') return options;
        if (key === 'info') return info;
        // A MIP solve that stops at its time limit before finding any solution.
        if (key === 'run' && kind === 'mip' && hooks.mipGivesNothing) return () => ({ modelStatus: 13 });
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  };
  return new Proxy(highs, { get: (target, key) => (key === 'createModel' ? createModel : (Reflect.get(target, key, target) as unknown)) });
}

describe('when HiGHS returns no solution of its own', () => {
  const silent = () => wrappedHighs({ mipGivesNothing: true });
  const startOf = (prep: Awaited<ReturnType<typeof prepareRun>>) =>
    relaxationStart(prep.model, highs, buildMilp(prep.model, greedyAllocation(prep.model).evaluation.projection), { timeLimitSeconds: 60, mipRelativeGap: 0, seed: 1 });

  it('the allocation is the LP relaxation’s, completed greedily, when there is no greedy one to fall back on', async () => {
    let kept = 0;
    await fc.assert(
      fc.asyncProperty(instanceArb(7, true), async (inst) => {
        const prep = await prepareRun(inst.inputs, inst.scenario);
        const start = startOf(prep);
        if (!start.evaluation || !isFeasible(start.evaluation) || start.evaluation.placements.length === 0) return;
        const opt = await optimalAllocation(prep.model, null, silent());
        expect(opt.status).toBe('time limit');
        expect(opt.notes).toContain('HiGHS stopped (time limit) without a feasible solution');
        expect(opt.notes).toContain('the allocation comes from the LP relaxation, completed greedily: HiGHS returned no solution of its own');
        expect(isFeasible(opt.evaluation)).toBe(true);
        const ids = (e: typeof opt.evaluation) => e.placements.map((p) => `${p.projectId}@${p.year}`).sort();
        expect(ids(opt.evaluation)).toEqual(ids(start.evaluation));
        kept++;
      }),
      { numRuns: 20, seed: 31 },
    );
    expect(kept).toBeGreaterThan(10);
  }, 120_000);

  it('with a greedy allocation too, the better of the two is kept', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb(7, false), async (inst) => {
        const prep = await prepareRun(inst.inputs, inst.scenario);
        const greedy = greedyAllocation(prep.model);
        const opt = await optimalAllocation(prep.model, greedy, silent());
        const score = portfolioValue(prep.model, opt.evaluation.commitments);
        expect(isFeasible(opt.evaluation)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(portfolioValue(prep.model, greedy.evaluation.commitments) - 1e-9);
        const start = startOf(prep);
        if (start.evaluation && isFeasible(start.evaluation)) expect(score).toBeGreaterThanOrEqual(portfolioValue(prep.model, start.evaluation.commitments) - 1e-9);
      }),
      { numRuns: 20, seed: 32 },
    );
  }, 120_000);
});

describe('the time limit', () => {
  /** The time limits the optimal method gives HiGHS when its first LP relaxation takes `share` of the budget on its clock. */
  async function limitsAfterSlowRelaxation(share: number) {
    const inst = fc.sample(instanceArb(6, true), { numRuns: 1, seed: 3 })[0]!;
    const prep = await prepareRun(inst.inputs, inst.scenario);
    const budget = prep.model.ctx.scenario.allocation.timeLimitSeconds;
    let now = 1000;
    const models: { kind: 'lp' | 'mip'; options: Record<string, unknown>[] }[] = [];
    const slowRelaxation = wrappedHighs({
      generous: true,
      created: (kind, options) => {
        models.push({ kind, options });
        // The first relaxation (model building included) takes `share` of the budget on the clock.
        if (kind === 'lp' && models.filter((m) => m.kind === 'lp').length === 1) now += share * budget;
      },
    });
    const opt = await optimalAllocation(prep.model, greedyAllocation(prep.model), slowRelaxation, { clock: () => now });
    const timeLimit = (m: { options: Record<string, unknown>[] }) => Number(m.options.find((o) => 'time_limit' in o)?.['time_limit']);
    const mips = models.filter((m) => m.kind === 'mip');
    return { budget, opt, mips: mips.map(timeLimit) };
  }

  it('counts the wall time spent outside HiGHS: after a slow relaxation, the MILP gets only what is left', async () => {
    const { budget, opt, mips } = await limitsAfterSlowRelaxation(0.8);
    // The fixed-point MILP (settled at once on these exact instances), then two re-solves per binding limit (shadow prices).
    expect(mips.length).toBeGreaterThanOrEqual(3);
    expect((mips.length - 1) % 2).toBe(0);
    // 75 % of the budget for the fixed point, 80 % already gone: HiGHS gets its floor of 0.1 s.
    expect(mips[0]).toBe(0.1);
    // The shadow-price re-solves share what is left of the budget, 20 % (the clock is frozen: the first gets its share of all of it).
    expect(mips[1]! * (mips.length - 1)).toBeCloseTo(0.2 * budget, 9);
    expect(opt.seconds).toBeCloseTo(0.8 * budget, 9);
  }, 60_000);

  it('gives the fixed point 75 % of the budget and the shadow-price re-solves the rest', async () => {
    const { budget, mips } = await limitsAfterSlowRelaxation(0.3);
    expect(mips.length).toBeGreaterThanOrEqual(3);
    expect(mips[0]).toBeCloseTo(0.45 * budget, 9);
    expect(mips[1]! * (mips.length - 1)).toBeCloseTo(0.7 * budget, 9);
  }, 60_000);
});
