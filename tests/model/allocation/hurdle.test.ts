import { describe, expect, it } from 'vitest';
import { runModel } from '../../../src/model/run.js';
import { EVEN, inputs, project, scenario } from '../fixtures.js';

/** Ample capital, so that only the hurdle decides. */
const ps = [
  project({ id: 'HIGH', countries: EVEN, eirr: 0.14 }),
  project({ id: 'LOW', countries: EVEN, eirr: 0.08 }),
  project({ id: 'EVEN', countries: EVEN, eirr: 0.1 }),
];

const row = (r: Awaited<ReturnType<typeof runModel>>, id: string) => r.allocation.find((a) => a.projectId === id)!;

describe('return hurdle (appraisal.minEirr)', () => {
  it('defaults to the discount rate: a project below it is not funded, with the reason below-hurdle and its gap in points', async () => {
    const r = await runModel(inputs(ps), scenario());
    expect(row(r, 'HIGH').funded).toBe(true);
    const low = row(r, 'LOW');
    expect(low.funded).toBe(false);
    expect(low.bindingLimit).toBe('below-hurdle');
    expect(low.shortfall).toBeCloseTo(0.02, 12);
    expect(low.npv).toBeLessThan(0);
    // EIRR equal to the hurdle is not below it (NPV exactly 0): eligible, and funded when it fits.
    expect(row(r, 'EVEN').funded).toBe(true);
    expect(row(r, 'EVEN').npv).toBeCloseTo(0, 6);
  });

  it('moves with the discount rate when not set, and can be set on its own', async () => {
    const lower = await runModel(inputs(ps), scenario({ appraisal: { discountRate: 0.07 } }));
    expect(row(lower, 'LOW').funded).toBe(true);
    const stricter = await runModel(inputs(ps), scenario({ appraisal: { minEirr: 0.12 } }));
    expect(row(stricter, 'EVEN').bindingLimit).toBe('below-hurdle');
    expect(row(stricter, 'EVEN').shortfall).toBeCloseTo(0.02, 12);
    expect(row(stricter, 'HIGH').funded).toBe(true);
  });

  it('a pinned project below the hurdle is funded', async () => {
    const r = await runModel(inputs(ps), scenario({ allocation: { pinned: ['LOW'] } }));
    expect(row(r, 'LOW').funded).toBe(true);
  });

  it('applies to the EIRR after the reference-class cost uplift', async () => {
    // 10.5 % stated; a p80 uplift on roads pulls the return of the uplifted flow below 10 %.
    const r = await runModel(inputs([project({ id: 'R', countries: EVEN, eirr: 0.105, sector: 'roads' })]), scenario({ appraisal: { costUplift: 'p80' } }));
    expect(row(r, 'R').bindingLimit).toBe('below-hurdle');
    expect(row(r, 'R').npv).toBeLessThan(0);
  });
});
