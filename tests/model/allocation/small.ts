/** Small allocation instances (≤ 8 projects, 2 commitment years) and a brute-force optimum. */
import fc from 'fast-check';
import { evaluate, isFeasible, type Placement } from '../../../src/model/allocation/evaluate.js';
import type { AllocationModel } from '../../../src/model/allocation/model.js';
import { portfolioValue } from '../../../src/model/allocation/ranking.js';
import type { InputData } from '../../../src/schema/records.js';
import { contributions, inputs, portfolioArb, scenario, type TestScenario } from '../fixtures.js';

export interface Instance {
  readonly inputs: InputData;
  readonly scenario: TestScenario;
}

/**
 * Tight capital (18 bn opening + 18 bn in 2026), two commitment years, a
 * 15-year horizon, share limits switched on. `exact` instances have no
 * borrowing and a single-project limit that never binds, so the MILP and the
 * projection describe exactly the same problem.
 */
export function instanceArb(maxProjects: number, exact: boolean): fc.Arbitrary<Instance> {
  return fc
    .record({
      projects: portfolioArb(Math.min(4, maxProjects), maxProjects),
      band: fc.constantFrom(0.25, 0.4, 1),
      floor: fc.constantFrom(0.2, 0.35, 0.6),
      country: fc.constantFrom(0.6, 1, 2),
      cap: fc.constantFrom(0.4, 0.6, 1),
      starts: fc.array(fc.constantFrom(2026, 2026, 2026, 2027), { minLength: maxProjects, maxLength: maxProjects }),
      sizes: fc.array(fc.integer({ min: 2, max: 20 }), { minLength: maxProjects, maxLength: maxProjects }),
      liquidity: fc.constantFrom(0, 6, 12),
      pcs: fc.boolean(),
    })
    .map((r) => {
      const s = scenario({
        horizon: { start: 2026, end: 2040 },
        funding: {
          borrowing: { enabled: !exact, firstYear: 2027, rate: 0.065, tenor: 5, method: 'linear', maxGearing: 0.5 },
          operatingExpenses: { fixed: 200, growth: 0.03, shareOfLoans: 0.005 },
        },
        policy: {
          equityToLoansFloor: r.floor,
          singleProjectLimit: exact ? 1 : 0.4,
          countryExposureLimit: r.country,
          fairReturnBand: r.band,
          sectorCaps: { roads: r.cap, solar: r.cap, rail: r.cap },
          minReadiness: 2,
          liquidityMonths: r.liquidity,
        },
        credit: { preferredCreditor: r.pcs },
        allocation: { firstCommitmentYear: 2026, lastCommitmentYear: 2027, mipRelativeGap: 0, timeLimitSeconds: 20 },
      });
      // Mostly ready projects of 2–20 bn starting in 2026 or 2027, so that both years are candidates
      // and the 30 + 30 bn of capital cannot fund them all.
      const projects = r.projects.map((p, k) => {
        const requested = r.sizes[k]! * 1000;
        return {
          ...p,
          earliestStart: r.starts[k]!,
          readiness: k === 0 ? p.readiness : Math.max(2, p.readiness),
          bcidRequested: requested,
          coFinancing: requested,
          totalCost: 3 * requested,
          cfadsYear1: p.cfadsYear1 === null ? null : 3 * requested * 0.15,
        };
      });
      return { inputs: inputs(projects, contributions(6_000, [2025, 2026], 500)), scenario: s };
    });
}

export interface BruteForce {
  readonly score: number;
  readonly placements: readonly Placement[];
  readonly evaluations: number;
}

/** Every assignment of each eligible project to "not funded" or one of its candidate years; the objective of ranking.ts. */
export function bruteForce(model: AllocationModel): BruteForce {
  let best: BruteForce = { score: -Infinity, placements: [], evaluations: 0 };
  let evaluations = 0;
  const eligible = model.eligible;
  const walk = (k: number, chosen: Placement[]): void => {
    if (k === eligible.length) {
      evaluations++;
      const ev = evaluate(model, chosen);
      if (!isFeasible(ev)) return;
      const score = portfolioValue(model, ev.commitments);
      if (score > best.score + 1e-12) best = { score, placements: [...chosen], evaluations: 0 };
      return;
    }
    const e = eligible[k]!;
    if (!e.pinned) walk(k + 1, chosen);
    for (const year of e.years) walk(k + 1, [...chosen, { projectId: e.project.id, year }]);
  };
  walk(0, []);
  return { ...best, evaluations };
}
