import { describe, expect, it } from 'vitest';
import { DEBT_INDICATORS } from '../../src/model/members/index.js';
import { runModel, runModelDetailed } from '../../src/model/run.js';
import { stressedResults } from '../../src/risk/stress-run.js';
import { EVEN, inputs, project, scenario } from './fixtures.js';

describe('members and pricing through runModel', () => {
  const p = project({ id: 'A', bcidRequested: 10_000, earliestStart: 2027, countries: EVEN });

  it('a scenario with no funded project has zero increments', async () => {
    const r = await runModel(inputs([p]), scenario({ allocation: { excluded: ['A'] } }));
    expect(r.allocation.every((a) => !a.funded)).toBe(true);
    for (const m of r.members) for (const k of DEBT_INDICATORS) expect(m.increments[k]).toBe(0);
  });

  it('funded loans carry their grant element and concessional flag; pricing has both loan instruments', async () => {
    const r = await runModel(inputs([p]), scenario());
    const a = r.allocation[0]!;
    expect(a.funded).toBe(true);
    expect(a.grantElement!).toBeLessThan(0);
    expect(a.concessional).toBe(false);
    expect(r.pricing.map((x) => x.instrument)).toEqual(['sovereign', 'non-sovereign']);
    const y2030 = r.members.filter((m) => m.year === 2030);
    expect(y2030.reduce((s, m) => s + m.increments.publicDebtToGdp * m.gdp, 0)).toBeCloseTo(y2030.reduce((s, m) => s + m.outstanding, 0), 6);
  });

  it('member stresses change the members’ rows, not the bank', async () => {
    const base = await runModel(inputs([p]), scenario());
    // As the pipeline does (src/pipeline/run.ts): the plain run, then the scenario's stresses on its allocation.
    const s = scenario({ stresses: ['member-growth-shock-3', 'member-depreciation-30'] });
    const run = await runModelDetailed(inputs([p]), s);
    const stressed = stressedResults({ ctx: run.prep.ctx, inputs: inputs([p]), commitments: run.commitments, results: run.base }, s.stresses!);
    expect(stressed.bank).toEqual(base.bank);
    const at = (r: typeof base, y: number) => r.members.find((m) => m.member === 'MLI' && m.year === y)!;
    expect(at(stressed, 2026).gdp).toBe(at(base, 2026).gdp);
    expect(at(stressed, 2030).gdp).toBeLessThan(at(base, 2030).gdp);
    expect(at(stressed, 2030).pvExternalDebtToGdp).toBeGreaterThan(at(base, 2030).pvExternalDebtToGdp);
    // The bank's loans are the same: the increments in debt are the same amounts.
    expect(at(stressed, 2030).outstanding).toBeCloseTo(at(base, 2030).outstanding, 9);
  });
});
