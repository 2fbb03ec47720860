/**
 * Small InputData and scenarios built in TypeScript for the model tests
 * (no CSV or YAML is read). Every record carries `origin: test:<n>:1`.
 */
import fc from 'fast-check';
import { MEMBER_CODES, SECTORS, type Instrument, type MemberCode, type Sector } from '../../src/schema/codes.js';
import type { Contribution, InputData, MemberYear, Project } from '../../src/schema/records.js';
import { scenarioSchema, type Scenario } from '../../src/schema/scenario.js';

export type TestScenario = Scenario & { name: string };

let line = 0;
const origin = () => ({ file: 'test', line: ++line, column: 1 });

/** A project shared equally by the three members (keeps the fair-return band out of the way). */
export const EVEN = [
  { member: 'MLI' as const, share: 1 / 3 },
  { member: 'BFA' as const, share: 1 / 3 },
  { member: 'NER' as const, share: 1 / 3 },
];

export function project(overrides: Partial<Project> & { id: string }): Project {
  return {
    name: `Project ${overrides.id}`,
    countries: [{ member: 'MLI', share: 1 }],
    partners: [],
    sector: 'roads',
    instrument: 'sovereign',
    totalCost: 20_000,
    bcidRequested: 10_000,
    coFinancing: 10_000,
    earliestStart: 2026,
    constructionYears: 2,
    economicLife: 20,
    eirr: 0.12,
    firr: null,
    cfadsYear1: null,
    cfadsGrowth: null,
    readiness: 4,
    jobs: 1000,
    populationServed: 100_000,
    integration: 0.5,
    status: 'planned',
    costBasis: 'estimate',
    appraisalBasis: 'illustrative',
    confidence: 'EST',
    source: 'test',
    origin: origin(),
    ...overrides,
  };
}

export function memberYears(year = 2025): MemberYear[] {
  const base: Record<MemberCode, { gdp: number; revenue: number; exports: number }> = {
    MLI: { gdp: 15_000_000, revenue: 2_600_000, exports: 3_800_000 },
    BFA: { gdp: 14_900_000, revenue: 3_300_000, exports: 3_800_000 },
    NER: { gdp: 13_000_000, revenue: 1_500_000, exports: 1_700_000 },
  };
  return MEMBER_CODES.map((code) => ({
    code,
    year,
    names: { fr: code, en: code, ar: code },
    debtCapacity: 'medium' as const,
    population: 25,
    gdp: base[code].gdp,
    revenue: base[code].revenue,
    exports: base[code].exports,
    publicDebt: 0.5 * base[code].gdp,
    externalDebt: 0.25 * base[code].gdp,
    confidence: { population: 'EST', gdp: 'EST', revenue: 'EST', exports: 'EST', publicDebt: 'EST', externalDebt: 'EST' },
    source: 'test',
    origin: origin(),
  }));
}

/** Equal thirds: `paidInPerMember` each in each of `years`, plus `levyPerMember` every year 2025–2060. */
export function contributions(paidInPerMember: number, years: readonly number[], levyPerMember = 0): Contribution[] {
  const out: Contribution[] = [];
  for (let y = 2025; y <= 2060; y++) {
    for (const member of MEMBER_CODES) {
      out.push({
        member,
        year: y,
        paidIn: years.includes(y) ? paidInPerMember : 0,
        callable: 0,
        levy: levyPerMember,
        basis: 'estimate',
        source: 'test',
        origin: origin(),
      });
    }
  }
  return out;
}

export function inputs(projects: readonly Project[], contribs: readonly Contribution[] = contributions(100_000, [2025])): InputData {
  return { projects, members: memberYears(), contributions: contribs };
}

/** The baseline scenario's values (scenarios/baseline.yaml), as an object. */
export function baseScenario(): TestScenario {
  const s = scenarioSchema.parse({
    data: { projects: 'p.csv', members: 'm.csv', contributions: 'c.csv' },
    horizon: { start: 2026, end: 2055 },
    seed: 1,
    appraisal: {
      discountRate: 0.1,
      costUplift: 'none',
      weights: {
        financialEconomic: { eirr: 0.5, firr: 0.2, npv: 0.3 },
        socialIntegration: { jobs: 0.2, population: 0.3, integration: 0.3, readiness: 0.2 },
        combine: { financialEconomic: 0.5, socialIntegration: 0.5 },
      },
    },
    lending: {
      sovereign: { years: 20, grace: 5, method: 'linear', spread: 0.01, frontEndFee: 0.0025, commitmentFee: 0.0025 },
      'non-sovereign': { years: 15, grace: 3, method: 'sculpted', targetDscr: 1.3, spread: 0.035, frontEndFee: 0.01, commitmentFee: 0.005 },
      equity: { dividendYield: 0.04, holdingYears: 12, exitMultiple: 1.5 },
    },
    funding: {
      levyShareToBank: 0.5,
      levyScale: 1,
      borrowing: { enabled: true, firstYear: 2027, rate: 0.065, tenor: 10, method: 'linear', maxGearing: 1 },
      treasuryYield: 0.03,
      operatingExpenses: { fixed: 3000, growth: 0.03, shareOfLoans: 0.005 },
    },
    policy: {
      equityToLoansFloor: 0.35,
      singleProjectLimit: 0.15,
      countryExposureLimit: 1,
      fairReturnBand: 0.1,
      sectorCaps: { rail: 0.3, hydro: 0.3, thermal: 0.15, extractives: 0.1 },
      minReadiness: 2,
      liquidityMonths: 12,
    },
    credit: {
      preferredCreditor: true,
      pd: { sovereign: 0.01, 'non-sovereign': 0.03, equity: 0.03 },
      lgd: { sovereign: 0.1, 'non-sovereign': 0.45, equity: 0.6 },
      pdWithoutPcs: { sovereign: 0.05, 'non-sovereign': 0.06, equity: 0.06 },
      lgdWithoutPcs: { sovereign: 0.4, 'non-sovereign': 0.55, equity: 0.7 },
    },
    members: { nominalGrowth: { MLI: 0.075, BFA: 0.075, NER: 0.09 } },
    allocation: {
      method: 'greedy',
      firstCommitmentYear: 2026,
      lastCommitmentYear: 2035,
      pinned: [],
      excluded: [],
      timeLimitSeconds: 10,
      mipRelativeGap: 0.001,
    },
  });
  return { ...s, name: 'test' };
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

function merge<T>(base: T, patch: DeepPartial<T> | undefined): T {
  if (patch === undefined) return base;
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return patch as T;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    out[k] = v !== null && typeof v === 'object' && !Array.isArray(v) ? merge((base as Record<string, unknown>)[k], v as never) : v;
  }
  return out as T;
}

export function scenario(patch?: DeepPartial<TestScenario>): TestScenario {
  return { ...scenarioSchema.parse(merge(baseScenario(), patch)), name: patch?.name ?? 'test' };
}

// ----- Random small portfolios (fast-check) -----

const memberArb: fc.Arbitrary<MemberCode> = fc.constantFrom(...MEMBER_CODES);
const sectorArb: fc.Arbitrary<Sector> = fc.constantFrom(...SECTORS);

export const countriesArb = fc.oneof(
  memberArb.map((m) => [{ member: m, share: 1 }]),
  fc.tuple(memberArb, memberArb, fc.integer({ min: 1, max: 9 })).filter(([a, b]) => a !== b).map(([a, b, k]) => [
    { member: a, share: k / 10 },
    { member: b, share: 1 - k / 10 },
  ]),
);

export function projectArb(id: string, instruments: readonly Instrument[] = ['sovereign', 'non-sovereign', 'equity']): fc.Arbitrary<Project> {
  return fc
    .record({
      countries: countriesArb,
      sector: sectorArb,
      instrument: fc.constantFrom(...instruments),
      requested: fc.integer({ min: 2, max: 60 }).map((k) => k * 1000),
      earliestStart: fc.integer({ min: 2026, max: 2029 }),
      constructionYears: fc.integer({ min: 1, max: 5 }),
      economicLife: fc.integer({ min: 10, max: 40 }),
      eirr: fc.integer({ min: 11, max: 25 }).map((k) => k / 100), // above the 10 % hurdle (appraisal.minEirr): every project has a positive NPV
      firr: fc.option(fc.integer({ min: 2, max: 15 }).map((k) => k / 100), { nil: null }),
      cfadsRatio: fc.integer({ min: 5, max: 25 }).map((k) => k / 100),
      readiness: fc.integer({ min: 1, max: 5 }),
      jobs: fc.integer({ min: 0, max: 10_000 }),
      population: fc.integer({ min: 0, max: 2_000_000 }),
      integration: fc.integer({ min: 0, max: 10 }).map((k) => k / 10),
    })
    .map((r) => {
      const total = r.requested * 3;
      return project({
        id,
        countries: r.countries,
        sector: r.sector,
        instrument: r.instrument,
        totalCost: total,
        bcidRequested: r.requested,
        coFinancing: r.requested,
        earliestStart: r.earliestStart,
        constructionYears: r.constructionYears,
        economicLife: r.economicLife,
        eirr: r.eirr,
        firr: r.instrument === 'sovereign' ? r.firr : (r.firr ?? 0.08),
        cfadsYear1: r.instrument === 'sovereign' ? null : total * r.cfadsRatio,
        cfadsGrowth: r.instrument === 'sovereign' ? null : 0.02,
        readiness: r.readiness,
        jobs: r.jobs,
        populationServed: r.population,
        integration: r.integration,
      });
    });
}

export function portfolioArb(min: number, max: number, instruments?: readonly Instrument[]): fc.Arbitrary<Project[]> {
  return fc.integer({ min, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => projectArb(`P${i + 1}`, instruments))));
}
