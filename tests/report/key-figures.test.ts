import { describe, expect, it } from 'vitest';
import type { RunResults } from '../../src/model/results.js';
import { keyFigures } from '../../src/report/key-figures.js';
import { createLocale } from '../../src/report/locale.js';
import { makeRunResults } from './fixtures/run-results.js';

const results = makeRunResults();
const fr = createLocale('fr');
const byId = (r: RunResults, lang: 'fr' | 'en' | 'ar' = 'fr') => Object.fromEntries(keyFigures(r, createLocale(lang)).map((k) => [k.id, k]));

describe('executive summary key figures', () => {
  it('are between 5 and 7, each with one sentence, in every language', () => {
    for (const lang of ['fr', 'en', 'ar'] as const) {
      const ks = keyFigures(results, createLocale(lang));
      expect(ks.length).toBeGreaterThanOrEqual(5);
      expect(ks.length).toBeLessThanOrEqual(7);
      for (const k of ks) {
        expect(k.sentence).not.toMatch(/[{}]/);
        expect(k.sentence.match(/[.!?]\s*$/g)?.length ?? 0).toBe(1);
      }
    }
  });

  it('commitments: the amount is the sum approved up to the last commitment year, and the floor holds', () => {
    const total = results.allocation.reduce((a, r) => a + r.approved, 0);
    const k = byId(results).commitments!;
    expect(k.value).toBe(fr.money(total));
    expect(k.sentence).toBe(
      `La BCID-AES peut engager ${fr.money(total)} d’ici 2035 sans que son ratio fonds propres/prêts passe sous ${fr.percent(0.35)}.`,
    );
    expect(k.status).toBe('ok');
  });

  it('projects: the reason given for "the others" is the most frequent among projects left out, not the partly funded', () => {
    const base = results.allocation[0]!;
    const row = (id: string, approved: number, bindingLimit: RunResults['allocation'][number]['bindingLimit']) => ({ ...base, projectId: id, approved, funded: approved > 0, bindingLimit });
    const allocation = [
      row('A', 0, 'readiness'),
      row('B', 5, 'debt-capacity'),
      row('C', 5, 'debt-capacity'),
      row('D', 5, 'debt-capacity'),
      row('E', 10, null),
    ];
    const k = byId({ ...results, allocation }, 'en').projects!;
    expect(k.value).toBe('4 of 5');
    expect(k.sentence).toMatch(/readiness/i);
    expect(k.sentence).not.toMatch(/cash flow|debt capacity/i);
  });

  it('commitments: with a higher floor the sentence says when the ratio breaks it', () => {
    const strict = { ...results, scenario: { ...results.scenario, policy: { ...results.scenario.policy, equityToLoansFloor: 1 } } };
    const first = results.bank.find((y) => y.equityToLoans !== null && y.equityToLoans < 1)!;
    const k = byId(strict).commitments!;
    expect(k.status).toBe('warning');
    expect(k.sentence).toContain(`passe sous le plancher de 100\u00a0% en ${first.year}`);
    expect(byId(strict).equityToLoans!.status).toBe('warning');
  });

  it('equity-to-loans: the lowest ratio and its year', () => {
    const min = results.bank.filter((y) => y.equityToLoans !== null).reduce((a, y) => (y.equityToLoans! < a.equityToLoans! ? y : a));
    const k = byId(results, 'en').equityToLoans!;
    expect(k.value).toBe(createLocale('en').percent(min.equityToLoans!, 1));
    expect(k.sentence).toContain(`in ${min.year}`);
  });

  it('liquidity below the policy is flagged', () => {
    const k = byId(results).liquidity!;
    const min = Math.min(...results.bank.map((y) => y.liquidityMonths).filter((m): m is number => m !== null));
    expect(min).toBeLessThan(12);
    expect(k.status).toBe('warning');
    expect(k.value).toBe(fr.months(min));
  });

  it('debt service: the highest share of revenue, compared with its LIC-DSF threshold', () => {
    const worst = results.members.reduce((a, m) => (m.debtServiceToRevenue > a.debtServiceToRevenue ? m : a));
    const k = byId(results, 'en').debtService!;
    expect(k.sentence).toContain(`(Niger, ${worst.year})`);
    expect(k.sentence).toContain('14%');
    expect(k.status).toBe('ok');
  });

  it('projects: counts and the most frequent binding limit', () => {
    const k = byId(results).projects!;
    expect(k.value).toBe('9 sur 15');
    expect(k.sentence).toContain('capacité d’engagement');
  });

  it('does not divide by zero on an empty run', () => {
    const empty: RunResults = { ...results, allocation: [], members: [], reflows: [], bank: [] };
    for (const lang of ['fr', 'en', 'ar'] as const) expect(() => keyFigures(empty, createLocale(lang))).not.toThrow();
  });
});
