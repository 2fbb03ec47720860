import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type Evaluation, type Placement } from '../../../src/model/allocation/evaluate.js';
import { evaluateChange, stateOf } from '../../../src/model/allocation/incremental.js';
import type { Violation } from '../../../src/model/allocation/limits.js';
import { prepareRun } from '../../../src/model/run.js';
import { instanceArb } from './small.js';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const signature = (v: Violation) => JSON.stringify([v.limit, v.year, v.projectId ?? null, (v as { member?: string }).member ?? null, (v as { sector?: string }).sector ?? null]);

function expectSame(inc: Evaluation, full: Evaluation, what: string): void {
  expect(inc.placements, what).toEqual(full.placements);
  expect(inc.commitments.map((c) => c.project.id), what).toEqual(full.commitments.map((c) => c.project.id));
  inc.commitments.forEach((c, k) => expect(close(c.amount, full.commitments[k]!.amount), `${what}: amount of ${c.project.id}`).toBe(true));
  expect(inc.hard.map(signature), what).toEqual(full.hard.map(signature));
  expect(inc.share.map(signature), what).toEqual(full.share.map(signature));
  inc.hard.forEach((v, k) => expect(close(v.amount, full.hard[k]!.amount), what).toBe(true));
  inc.share.forEach((v, k) => expect(close(v.amount, full.share[k]!.amount), what).toBe(true));
  expect(close(inc.breach, full.breach), `${what}: breach`).toBe(true);
  inc.projection.equity.forEach((e, i) => expect(close(e, full.projection.equity[i]!), `${what}: equity ${i}`).toBe(true));
}

describe('incremental evaluation (greedy and reasons) equals a full re-evaluation', () => {
  it('on random chains of additions and removals, with tight and loose single-project limits', async () => {
    await fc.assert(
      fc.asyncProperty(
        instanceArb(8, false),
        fc.array(fc.tuple(fc.nat(100), fc.nat(100), fc.boolean()), { minLength: 3, maxLength: 20 }),
        fc.constantFrom(0.05, 0.15, 0.4),
        async (instance, operations, singleProjectLimit) => {
          const scenario = { ...instance.scenario, policy: { ...instance.scenario.policy, singleProjectLimit, liquidityMonths: 3 } };
          const { model } = await prepareRun(instance.inputs, scenario);
          if (model.eligible.length === 0) return;
          let current = evaluate(model, []);
          for (const [a, b, remove] of operations) {
            const placed = current.placements;
            let next: Placement[];
            let change: Parameters<typeof evaluateChange>[2];
            if (remove && placed.length > 0) {
              const id = placed[a % placed.length]!.projectId;
              change = { remove: id };
              next = placed.filter((p) => p.projectId !== id);
            } else {
              const free = model.eligible.filter((e) => !placed.some((p) => p.projectId === e.project.id));
              if (free.length === 0) continue;
              const e = free[a % free.length]!;
              const year = e.years[b % e.years.length]!;
              change = { add: { projectId: e.project.id, year } };
              next = [...placed, { projectId: e.project.id, year }];
            }
            const incremental = evaluateChange(model, stateOf(model, current), change, current.projection);
            const full = evaluate(model, next, current.projection);
            expectSame(incremental, full, JSON.stringify(change));
            current = b % 3 === 0 ? full : incremental; // chain on both kinds of result
          }
        },
      ),
      { numRuns: 60, seed: 6 },
    );
  }, 120_000);
});
