import type { AllocationRow, FundingLimit } from '../model/results.js';
import type { Scenario } from '../schema/scenario.js';
import { catalogue, type MessageKey } from './i18n/index.js';
import type { Locale } from './locale.js';

/**
 * Limits the catalogue knows. The model may add limits later (it is written in
 * parallel); an unknown one falls back to its code and the model's own sentence.
 */
export type KnownLimit = FundingLimit | 'debt-capacity';

/** Order used to break ties between limits (the order of the model's checks). */
export const LIMIT_ORDER: readonly KnownLimit[] = [
  'readiness',
  'excluded',
  'single-project',
  'capacity',
  'equity-to-loans',
  'country-exposure',
  'fair-return',
  'sector-cap',
  'horizon',
  'score',
  'below-hurdle',
  'debt-capacity',
];

/** Limits whose shortfall is an amount in millions FCFA (readiness counts levels; the others have none). */
export const MONEY_LIMITS: ReadonlySet<string> = new Set<KnownLimit>([
  'single-project',
  'capacity',
  'equity-to-loans',
  'country-exposure',
  'fair-return',
  'sector-cap',
  'debt-capacity',
]);

/** Short label of a binding limit, in the report language. */
export function limitLabel(limit: string, locale: Locale): string {
  const key = `limit.${limit}.label`;
  return isKey(key, locale) ? locale.t(key) : limit;
}

function isKey(key: string, locale: Locale): key is MessageKey {
  return Object.hasOwn(catalogue(locale.lang), key);
}

/** Whether a project is not fully funded (unfunded or partly funded). */
export function isShortOfFunding(row: AllocationRow): boolean {
  // With a reference-class uplift the project needs its uplifted request, not the raw one.
  return row.bindingLimit !== null || row.approved + 1e-9 < row.upliftedRequest;
}

/**
 * One sentence explaining why a project is not (fully) funded, generated from its
 * binding limit and the scenario's policy, in the report language.
 */
export function unfundedReason(row: AllocationRow, scenario: Scenario, locale: Locale): string {
  const partly =
    row.approved > 0 ? locale.t('common.partly', { approved: locale.money(row.approved), requested: locale.money(row.upliftedRequest) }) : '';
  const limit = row.bindingLimit;
  if (limit === null) return partly.trim();
  const p = scenario.policy;
  const vars = {
    minReadiness: locale.integer(p.minReadiness),
    limit:
      limit === 'country-exposure' ? locale.number(p.countryExposureLimit, 1) : locale.percent(p.singleProjectLimit),
    floor: locale.percent(p.equityToLoansFloor),
    band: locale.percent(p.fairReturnBand),
    sector: locale.t(`sector.${row.sector}`),
    cap: p.sectorCaps[row.sector] === undefined ? locale.t('common.notApplicable') : locale.percent(p.sectorCaps[row.sector] ?? 0),
    first: locale.year(Math.max(scenario.allocation.firstCommitmentYear, scenario.horizon.start)),
    last: locale.year(Math.min(scenario.allocation.lastCommitmentYear, scenario.horizon.end)),
    dscr: locale.number(scenario.lending['non-sovereign'].targetDscr ?? 1, 2),
    hurdle: locale.percent(scenario.appraisal.minEirr ?? scenario.appraisal.discountRate),
  };
  const key = `limit.${limit}.reason`;
  return partly + (isKey(key, locale) ? locale.t(key, vars) : (row.reason ?? limit));
}

/** The most frequent binding limit among projects short of funding; null if none. */
export function mostFrequentLimit(rows: readonly AllocationRow[]): string | null {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.bindingLimit !== null) counts.set(r.bindingLimit, (counts.get(r.bindingLimit) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  const order = [...LIMIT_ORDER, ...[...counts.keys()].filter((k) => !(LIMIT_ORDER as readonly string[]).includes(k)).sort()];
  for (const l of order) {
    const c = counts.get(l) ?? 0;
    if (c > bestCount) {
      best = l;
      bestCount = c;
    }
  }
  return best;
}
