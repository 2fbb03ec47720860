import { describe, expect, it } from 'vitest';
import { syntheticPortfolio } from '../../src/generate/synthetic-portfolio.js';
import { parseContributions } from '../../src/io/parse-contributions.js';
import { parseProjects } from '../../src/io/parse-projects.js';
import { SECTOR_PROFILES } from '../../src/generate/sector-profiles.js';

describe('bcid generate: synthetic pipeline', () => {
  it.each([1, 99, 2026])('passes the same validation as the bundled data (seed %i)', (seed) => {
    const p = syntheticPortfolio(400, seed);
    const projects = parseProjects(p.projectsCsv, 'projects.csv');
    expect(projects.diagnostics).toEqual([]);
    expect(projects.value).toHaveLength(400);
    const contributions = parseContributions(p.contributionsCsv, 'contributions.csv');
    expect(contributions.diagnostics).toEqual([]);
  });

  it('is reproducible from its seed, and project k does not depend on the count', () => {
    expect(syntheticPortfolio(50, 5).projectsCsv).toBe(syntheticPortfolio(50, 5).projectsCsv);
    expect(syntheticPortfolio(50, 6).projectsCsv).not.toBe(syntheticPortfolio(50, 5).projectsCsv);
    const small = syntheticPortfolio(10, 5).projectsCsv.split('\n').slice(0, 11);
    const large = syntheticPortfolio(100, 5).projectsCsv.split('\n').slice(0, 11);
    expect(large).toEqual(small);
  });

  it('draws sectors in the proportions of the bundled pipeline', () => {
    const projects = parseProjects(syntheticPortfolio(6000, 3).projectsCsv, 'p.csv').value;
    const total = SECTOR_PROFILES.reduce((a, s) => a + s.weight, 0);
    for (const s of SECTOR_PROFILES) {
      const share = projects.filter((p) => p.sector === s.sector).length / projects.length;
      const expected = s.weight / total;
      // binomial standard error at n = 6000 is below 0.007: allow 4 of them
      expect(Math.abs(share - expected), s.sector).toBeLessThan(0.028);
    }
  });

  it('scales the capital with the pipeline so large pipelines stay meaningful', () => {
    const paid = (n: number) => parseContributions(syntheticPortfolio(n, 1).contributionsCsv, 'c.csv').value.reduce((a, c) => a + c.paidIn, 0);
    expect(paid(60)).toBeCloseTo(500_000, 0);
    expect(paid(600)).toBeCloseTo(5_000_000, 0);
  });
});
