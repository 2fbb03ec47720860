import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('bcid loan', () => {
  // The whole printed schedule is the golden case tests/golden/loan-adf-linear/.
  it('prints the ADF-style schedule and its grant element', async () => {
    const r = await runCli(['loan', '--amount', '100000', '--rate', '0.0075', '--years', '40', '--grace', '10', '--method', 'linear']);
    expect(r.code).toBe(0);
    // ADF 40y/10g at 0.75 %: GE 58.3 % (docs/domain-facts.md §4)
    expect(r.stdout).toContain('Grant element: 58.3 %');
  });

  it('gives the JSON keys the issue promises, with consistent totals', async () => {
    const r = await runCli(['loan', '--amount', '1000', '--rate', '0.06', '--years', '10', '--grace', '2', '--method', 'annuity', '--disburse', '0.5,0.5', '--front-fee', '0.01', '--commitment-fee', '0.005', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { schedule: Record<string, number>[]; grantElement: number; concessional: boolean; totalDebtService: number };
    expect(Object.keys(out.schedule[0]!)).toEqual(['year', 'opening', 'disbursed', 'interest', 'capitalized', 'fees', 'principal', 'debtService', 'closing']);
    const sum = (k: string) => out.schedule.reduce((a, r) => a + (r[k] ?? 0), 0);
    expect(sum('principal')).toBeCloseTo(1000, 9);
    expect(sum('debtService')).toBeCloseTo(out.totalDebtService, 9);
    // front fee 1 % at signing + commitment fee on the 500 undrawn during year 1
    expect(sum('fees')).toBeCloseTo(10 + 0.005 * 500, 9);
    expect(out.concessional).toBe(false);
    expect(out.grantElement).toBeLessThan(0);
  });

  it('IDA-style custom profile: 0.75 %, 31 years, 6 grace, 4 %/yr in years 7–31 gives GE 49.2 %', async () => {
    const r = await runCli(['loan', '--amount', '100', '--rate', '0.0075', '--years', '31', '--grace', '6', '--method', 'custom', '--profile', '7-31:4', '--format', 'json']);
    const out = JSON.parse(r.stdout) as { grantElement: number };
    expect(out.grantElement).toBeCloseTo(0.492, 3);
  });

  it('writes CSV with a header row', async () => {
    const r = await runCli(['loan', '--amount', '100', '--rate', '0.05', '--years', '2', '--format', 'csv']);
    expect(r.stdout.split('\n')[0]).toBe('year,opening,disbursed,interest,capitalized,fees,principal,debtService,closing');
  });

  it.each([
    [['loan', '--rate', '0.05', '--years', '10'], '--amount is required'],
    [['loan', '--amount', 'lots', '--rate', '0.05', '--years', '10'], '--amount must be a number'],
    [['loan', '--amount', '100', '--rate', '0.05', '--years', '10', '--method', 'balloon'], 'invalid'],
    [['loan', '--amount', '100', '--rate', '0.05', '--years', '10', '--grace', '10'], 'not valid'],
    [['loan', '--amount', '100', '--rate', '0.05', '--years', '10', '--method', 'custom', '--profile', '7to31'], 'FROM-TO:PCT'],
  ])('rejects bad flags with exit 2 and no stack trace: %j', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
