import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type Placement } from '../../../src/model/allocation/evaluate.js';
import { openingEquity } from '../../../src/model/allocation/limits.js';
import { violationShortfall } from '../../../src/model/allocation/reasons.js';
import { prepareRun, runModel } from '../../../src/model/run.js';
import type { RunResults } from '../../../src/model/results.js';
import { instanceArb, type Instance } from './small.js';

/**
 * Every reported reason is true: adding the project at the reported year to
 * the final allocation breaks the reported limit by the reported amount, and
 * no candidate year lets it in. Partly funded projects: funding the full
 * amount would exceed the single-project limit by the shortfall.
 */
async function checkReasons(inst: Instance, results: RunResults): Promise<number> {
  const prep = await prepareRun(inst.inputs, inst.scenario);
  const placements: Placement[] = results.allocation
    .filter((a) => a.funded)
    .map((a) => ({ projectId: a.projectId, year: a.commitmentYear! }));
  const final = evaluate(prep.model, placements);
  let checked = 0;
  for (const row of results.allocation) {
    const e = prep.model.byId.get(row.projectId);
    if (!row.funded) {
      expect(row.reason).not.toBeNull();
      expect(row.bindingLimit).not.toBeNull();
      if (!e) {
        // pre-filtered: readiness, excluded, horizon
        const p = inst.inputs.projects.find((x) => x.id === row.projectId)!;
        if (row.bindingLimit === 'readiness') expect(p.readiness).toBeLessThan(inst.scenario.policy.minReadiness);
        continue;
      }
      for (const year of e.years) {
        const ev = evaluate(prep.model, [...placements, { projectId: row.projectId, year }], final.projection);
        // it truly does not fit in any candidate year
        expect(ev.hard.length + ev.share.length).toBeGreaterThan(0);
        if (year === row.reasonYear) {
          const same = [...ev.hard, ...ev.share].filter((v) => v.limit === row.bindingLimit);
          expect(same.length).toBeGreaterThan(0);
          const match = same.some((v) => Math.abs(violationShortfall(v) - row.shortfall!) <= 1e-9 * Math.max(1, Math.abs(row.shortfall!)));
          expect(match, `${row.projectId}: ${row.reason}`).toBe(true);
          checked++;
        }
      }
      expect(e.years).toContain(row.reasonYear);
      // every candidate year was tried, and the reason is the last one's (the latest feasible start)
      expect(row.yearsTried).toEqual(e.years);
      expect(row.reasonYear).toBe(e.years[e.years.length - 1]);
    } else if (row.bindingLimit === 'single-project') {
      const cap = inst.scenario.policy.singleProjectLimit * openingEquity(final.projection, row.commitmentYear!);
      expect(row.approved).toBeCloseTo(cap, 6);
      expect(e!.maxAmount - cap).toBeCloseTo(row.shortfall!, 6);
      expect(row.shortfall!).toBeGreaterThan(0);
      checked++;
    } else if (row.funded && row.reason === null) {
      expect(row.approved).toBeCloseTo(row.upliftedRequest, 6);
    }
  }
  return checked;
}

describe('reasons for unfunded and partly funded projects', () => {
  for (const method of ['greedy', 'optimal'] as const) {
    it(`are true (${method})`, async () => {
      let checked = 0;
      await fc.assert(
        fc.asyncProperty(instanceArb(8, false), async (inst) => {
          const results = await runModel(inst.inputs, inst.scenario, { method });
          checked += await checkReasons(inst, results);
        }),
        { numRuns: 20, seed: method === 'greedy' ? 11 : 12 },
      );
      expect(checked).toBeGreaterThan(10);
    }, 120_000);
  }
});
