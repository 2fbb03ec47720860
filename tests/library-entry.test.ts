import { describe, expect, it } from 'vitest';
import * as bcid from '../src/index.js';
import pkg from '../package.json' with { type: 'json' };
import { VERSION } from '../src/cli/version.js';

describe('the package entry', () => {
  it('exports the finance functions, the kernel, the loaders and the model', () => {
    for (const name of ['pmt', 'ipmt', 'ppmt', 'fv', 'pv', 'nper', 'rate', 'npv', 'irr', 'xnpv', 'xirr', 'loanSchedule', 'grantElement', 'portfolioReflows', 'parseProjects', 'loadScenario', 'runModel']) {
      expect(typeof (bcid as Record<string, unknown>)[name], name).toBe('function');
    }
    // PMT(0.05, 10, 100): the docs/domain-facts.md annuity check, 12.9505 per period
    expect(bcid.pmt(0.05, 10, 100)).toBeCloseTo(-12.950457496545661, 12);
  });

  it('reports the same version as package.json', () => {
    expect(VERSION).toBe(pkg.version);
  });
});
