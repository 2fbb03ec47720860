import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankEligible, valuePerCapital } from '../../../src/model/allocation/ranking.js';
import { prepareRun } from '../../../src/model/run.js';
import type { Project } from '../../../src/schema/records.js';
import { appraise } from '../../../src/model/appraisal/appraise.js';
import { EVEN, inputs, portfolioArb, project, scenario } from '../fixtures.js';

/** The project `k` times the size: cost, request, co-financing, cash flows, jobs and population served. */
function scaled(p: Project, k: number): Project {
  return {
    ...p,
    totalCost: k * p.totalCost,
    bcidRequested: k * p.bcidRequested,
    coFinancing: k * p.coFinancing,
    cfadsYear1: p.cfadsYear1 === null ? null : k * p.cfadsYear1,
    jobs: k * p.jobs,
    populationServed: k * p.populationServed,
  };
}

async function ranking(projects: readonly Project[], objective?: 'ipf-score' | 'npv-per-capital'): Promise<string[]> {
  const s = scenario(objective ? { allocation: { objective } } : {});
  const prep = await prepareRun(inputs(projects), s);
  return rankEligible(prep.model).map((e) => e.project.id);
}

describe('objective npv-per-capital', () => {
  it('is scale invariant: doubling one project (cost, request, cash flows, jobs, population) leaves every rank unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(portfolioArb(2, 8), fc.nat(), fc.constantFrom(2, 3, 0.5), async (ps, pick, k) => {
        const i = pick % ps.length;
        const before = await ranking(ps);
        const after = await ranking(ps.map((p, j) => (j === i ? scaled(p, k) : p)));
        expect(after).toEqual(before);
      }),
      { numRuns: 60, seed: 17 },
    );
  });

  it('the IPF score is not (min-max over the pipeline): the same change can reorder it', async () => {
    // B has the most jobs and people; doubling A makes A the pipeline's maximum on both, and lifts it above B.
    const ps = [
      project({ id: 'A', countries: EVEN, jobs: 900, populationServed: 90_000, eirr: 0.15 }),
      project({ id: 'B', countries: EVEN, jobs: 1000, populationServed: 100_000, eirr: 0.16 }),
      project({ id: 'C', countries: EVEN, jobs: 100, populationServed: 10_000, eirr: 0.12 }),
    ];
    const bigA = ps.map((p) => (p.id === 'A' ? scaled(p, 2) : p));
    expect(await ranking(bigA)).toEqual(await ranking(ps));
    const ipfBefore = appraise(ps, scenario().appraisal).map((a) => a.score);
    const ipfAfter = appraise(bigA, scenario().appraisal).map((a) => a.score);
    expect(ipfBefore[0]!).toBeLessThan(ipfBefore[1]!);
    expect(ipfAfter[0]!).toBeGreaterThan(ipfAfter[1]!);
  });

  it('values a project at its NPV with the stated social weight, per franc of the amount it needs (hand check)', async () => {
    const p = project({ id: 'A', countries: EVEN, jobs: 15 * 20, populationServed: 6000 * 20, integration: 0.5, readiness: 3 });
    // Cost 20 bn: 15 jobs and 6,000 persons per bn, at both anchors (1/2 each); integration 1/2; readiness (3 − 1)/4 = 1/2.
    const s = scenario({ allocation: { socialWeight: 0.4 } });
    const prep = await prepareRun(inputs([p]), s);
    const e = prep.model.eligible[0]!;
    expect(e.appraisal.socialValue).toBeCloseTo(0.5, 12);
    expect(e.value).toBeCloseTo(e.appraisal.npv * (1 + 0.4 * 0.5), 6);
    expect(valuePerCapital(e)).toBeCloseTo(e.value / e.maxAmount, 12);
    // A 12 % economic flow of 20 bn over 2 years, 20 years of benefits, at 10 %: NPV > 0.
    expect(e.appraisal.npv).toBeGreaterThan(0);
  });
});
