import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/model/allocation/evaluate.js';
import { violationShortfall } from '../../../src/model/allocation/reasons.js';
import { prepareRun, runModel } from '../../../src/model/run.js';
import { loadRunInputs } from '../../../src/io/load-run-inputs.js';
import { projectPaths } from '../../../src/io/project-paths.js';
import { delayPaidIn } from '../../../src/shocks/paid-in-delay.js';
import { REPO_ROOT } from '../../helpers/project.js';
import { contributions, EVEN, inputs, project, scenario } from '../fixtures.js';

/**
 * AES-063's case, small: FIRST (25 bn, disbursed at once, the best value per
 * franc) takes most of the 30 bn of opening capital in 2026; GAS (20 bn over
 * two years) then breaks the liquidity buffer if committed in 2026 or 2027,
 * and fits once the 2028 paid-in capital is in sight. It must be tried again
 * in the later years, not refused for good after the first.
 */
const first = project({ id: 'FIRST', countries: EVEN, bcidRequested: 25_000, coFinancing: 0, totalCost: 25_000, constructionYears: 1, eirr: 0.25 });
const gas = project({ id: 'GAS', countries: EVEN, bcidRequested: 20_000, coFinancing: 20_000, totalCost: 40_000 });
const data = inputs([first, gas], contributions(10_000, [2025, 2028], 3_000));
const settings = { funding: { borrowing: { enabled: false } }, policy: { singleProjectLimit: 1 } } as const;
const gasRow = (r: Awaited<ReturnType<typeof runModel>>) => r.allocation.find((a) => a.projectId === 'GAS')!;

describe('every candidate year is tried', () => {
  it('a project that breaks the liquidity buffer in its first years is funded in a later one, and says which years were tried', async () => {
    const s = scenario(settings);
    const prep = await prepareRun(data, s);
    for (const year of [2026, 2027]) {
      const early = evaluate(prep.model, [{ projectId: 'FIRST', year: 2026 }, { projectId: 'GAS', year }]);
      expect(early.hard.map((v) => `${v.limit}/${v.aspect}`)).toEqual(['capacity/liquidity']);
    }
    for (const method of ['greedy', 'optimal'] as const) {
      const r = await runModel(data, s, { method });
      const row = gasRow(r);
      expect(row.funded).toBe(true);
      expect(row.commitmentYear).toBe(2028);
      expect(row.yearsTried).toEqual([2026, 2027, 2028]);
      expect(row.fundedShare).toBeCloseTo(1, 12);
      expect(r.allocation.find((a) => a.projectId === 'FIRST')!.commitmentYear).toBe(2026);
    }
  });

  it('when no year fits, the reason names the limit broken in the last year tried and by how much', async () => {
    const s = scenario({ ...settings, allocation: { lastCommitmentYear: 2027 } });
    const r = await runModel(data, s);
    const row = gasRow(r);
    expect(row.funded).toBe(false);
    expect(row.fundedShare).toBe(0);
    expect(row.yearsTried).toEqual([2026, 2027]);
    expect(row.reasonYear).toBe(2027);
    expect(row.bindingLimit).toBe('capacity');
    const prep = await prepareRun(data, s);
    const last = evaluate(prep.model, [{ projectId: 'FIRST', year: 2026 }, { projectId: 'GAS', year: 2027 }]);
    expect(last.hard).toHaveLength(1);
    expect(violationShortfall(last.hard[0]!)).toBeCloseTo(row.shortfall!, 6);
    expect(row.reason).toContain('tried in every year 2026–2027; committing it in 2027, its latest start');
    expect(row.reason).toContain(`by ${Math.round(row.shortfall!).toLocaleString('en-US')}`);
  });

  it('on the bundled data: the gas-pipeline stake AES-063 (refused before for 268 M FCFA of liquidity at the end of 2026) is tried up to 2035', async () => {
    const loaded = loadRunInputs('baseline', projectPaths(REPO_ROOT)).value!;
    const s = loaded.resolved.scenario;
    const data = { ...loaded.inputs, contributions: delayPaidIn(loaded.inputs.contributions, s.funding.paidInDelayYears ?? {}) };
    // Under the old settings (IPF score, no hurdle) it is left out: every year 2027–2035 is tried, and the reason is the last one's.
    const oldSettings = { ...s, appraisal: { ...s.appraisal, minEirr: -0.5 }, allocation: { ...s.allocation, objective: 'ipf-score' as const } };
    const old = (await runModel(data, oldSettings)).allocation.find((a) => a.projectId === 'AES-063')!;
    expect(old.funded).toBe(false);
    expect(old.yearsTried).toEqual([2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035]);
    expect(old.reasonYear).toBe(2035);
    expect(old.bindingLimit).toBe('sector-cap');
    expect(old.reason).toContain('closest in 2027: capacity, missed by 268');
    // Under npv-per-capital its 1.6 trn FCFA of economic NPV puts it at the front: funded.
    const now = (await runModel(data, s)).allocation.find((a) => a.projectId === 'AES-063')!;
    expect(now.funded).toBe(true);
    expect(now.fundedShare).toBeGreaterThan(0.5);
  });
});
