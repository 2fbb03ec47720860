import { stringify } from 'csv-stringify/sync';
import { MEMBER_CODES, type MemberCode } from '../schema/codes.js';
import { PROJECT_COLUMNS } from '../io/parse-projects.js';
import { ABSURD_AMOUNT } from '../io/parse-contributions.js';
import { standardNormal } from '../random/normal.js';
import { rngStream, type Rng } from '../random/rng.js';
import { SECTOR_PROFILES } from './sector-profiles.js';

/**
 * A synthetic but valid pipeline whose distributions look like the bundled one:
 * the scale-test data of the benchmarks, and a sandbox for analysts.
 * Pure and seeded: the same (count, seed) always gives the same files.
 */
export interface SyntheticPortfolio {
  readonly projectsCsv: string;
  readonly contributionsCsv: string;
}

const READINESS_WEIGHTS: readonly (readonly [number, number])[] = [[1, 3], [2, 12], [3, 22], [4, 2], [5, 21]];
const STATUS_BY_READINESS: Readonly<Record<number, string>> = { 1: 'announced', 2: 'study', 3: 'planned', 4: 'planned', 5: 'under construction' };
/** Requests are capped so that single loans stay within what a 500 bn bank can consider. */
const MAX_REQUEST = 200_000;
const MIN_REQUEST = 2_000;

export function syntheticPortfolio(count: number, seed: number): SyntheticPortfolio {
  // One stream per project: project k is the same whatever the count.
  const rows = Array.from({ length: count }, (_, k) => syntheticProject(k, rngStream(seed, k)));
  return { projectsCsv: stringify(rows, { header: true, columns: [...PROJECT_COLUMNS] }), contributionsCsv: syntheticContributions(count) };
}

function syntheticProject(k: number, rng: Rng): Record<(typeof PROJECT_COLUMNS)[number], string | number> {
  const profile = pick(rng, SECTOR_PROFILES.map((p) => [p, p.weight] as const));
  const cost = round(Math.min(profile.medianCost * Math.exp(profile.costSigma * standardNormal(rng)), 5_000_000), 0);
  const requested = round(clamp(cost * profile.requestShare * (0.6 + 0.8 * rng.next()), MIN_REQUEST, Math.min(MAX_REQUEST, cost)), 0);
  const coFinancing = round(Math.max(0, (cost - requested) * (0.3 + 0.5 * rng.next())), 0);
  const instrument = pick(rng, profile.instruments);
  const readiness = pick(rng, READINESS_WEIGHTS);
  const construction = profile.constructionYears[0] + Math.floor(rng.next() * (profile.constructionYears[1] - profile.constructionYears[0] + 1));
  const eirr = round(profile.eirr[0] + rng.next() * (profile.eirr[1] - profile.eirr[0]), 3);
  const earning = profile.revenue || instrument !== 'sovereign';
  const firr = earning ? round(Math.max(0.03, eirr - 0.02 - 0.03 * rng.next()), 3) : '';
  const cfads = earning ? round(cost * ((firr as number) + 1 / profile.economicLife) * 0.9, 0) : '';
  return {
    id: `GEN-${String(k + 1).padStart(6, '0')}`,
    name: `Synthetic ${profile.sector} project ${k + 1}`,
    countries: hostShares(rng),
    partners: '',
    sector: profile.sector,
    instrument,
    total_cost: cost,
    bcid_requested: requested,
    co_financing: coFinancing,
    earliest_start: 2026 + (5 - readiness) + Math.floor(rng.next() * 2),
    construction_years: construction,
    economic_life: profile.economicLife,
    eirr,
    firr,
    cfads_year1: cfads,
    cfads_growth: earning ? 0.02 : '',
    readiness,
    jobs: Math.round(cost / 100 * (0.5 + rng.next())),
    population_served: Math.round(cost * 5 * (0.3 + rng.next())),
    integration: round(rng.next() < 0.15 ? 0.7 + 0.3 * rng.next() : 0.1 + 0.4 * rng.next(), 2),
    status: STATUS_BY_READINESS[readiness] ?? 'planned',
    cost_basis: 'estimate',
    appraisal_basis: 'illustrative',
    confidence: 'L',
    source: 'synthetic (bcid generate)',
  };
}

/** Mostly single-country; about one project in six is shared by two or three members. */
function hostShares(rng: Rng): string {
  const u = rng.next();
  const first: MemberCode = MEMBER_CODES[Math.floor(rng.next() * 3)]!;
  if (u < 0.83) return `${first}:1`;
  if (u < 0.93) {
    const second = MEMBER_CODES.filter((m) => m !== first)[Math.floor(rng.next() * 2)]!;
    return `${first}:0.5|${second}:0.5`;
  }
  return 'MLI:0.34|BFA:0.33|NER:0.33';
}

const PAID_IN_PER_MEMBER_YEAR = 500_000 / 3 / 4;
const LEVY_2026 = 11_000;
const LEVY_GROWTH = 1.05;
const LAST_YEAR = 2055;
/**
 * The largest scale at which every row stays within what `validate` accepts for
 * one member and year (ABSURD_AMOUNT, a guard against amounts typed in FCFA):
 * the 2055 levy is the largest row. About 13,000 projects; beyond, the capital
 * stops growing with the pipeline, so that the folder stays valid (it was not at
 * 20,000 projects: 39 errors).
 */
export const MAX_CAPITAL_SCALE = Math.floor(ABSURD_AMOUNT / Math.max(PAID_IN_PER_MEMBER_YEAR, LEVY_2026 * LEVY_GROWTH ** (LAST_YEAR - 2026)));

/** The bundled capital plan (500 bn in thirds, 2025–2028) scaled with the pipeline, plus the levy. */
function syntheticContributions(count: number): string {
  const scale = Math.min(MAX_CAPITAL_SCALE, Math.max(1, count / 60));
  const rows: (string | number)[][] = [];
  for (let year = 2025; year <= LAST_YEAR; year += 1) {
    for (const member of MEMBER_CODES) {
      const paidIn = year <= 2028 ? round((500_000 * scale) / 3 / 4, 2) : 0;
      const levy = year === 2025 ? 0 : round(LEVY_2026 * scale * LEVY_GROWTH ** (year - 2026), 1);
      rows.push([member, year, paidIn, 0, levy, 'estimate', 'synthetic (bcid generate)']);
    }
  }
  return stringify(rows, { header: true, columns: ['member', 'year', 'paid_in', 'callable', 'levy', 'basis', 'source'] });
}

function pick<T>(rng: Rng, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((a, [, w]) => a + w, 0);
  let u = rng.next() * total;
  for (const [value, w] of weighted) {
    u -= w;
    if (u < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

