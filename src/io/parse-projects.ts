import type { Diagnostic, WithDiagnostics } from '../diagnostics/diagnostic.js';
import { CONFIDENCES, INSTRUMENTS, MEMBER_CODES, SECTORS, isMemberCode } from '../schema/codes.js';
import type { CountryShare, Project } from '../schema/records.js';
import { readCsvTable, stopAfterTooMany } from './csv-table.js';
import { RowReader, checkHeader } from './row-reader.js';
import { parseLocaleNumber } from './locale-number.js';

export const PROJECT_COLUMNS = [
  'id', 'name', 'countries', 'partners', 'sector', 'instrument', 'total_cost', 'bcid_requested', 'co_financing',
  'earliest_start', 'construction_years', 'economic_life', 'eirr', 'firr', 'cfads_year1', 'cfads_growth',
  'readiness', 'jobs', 'population_served', 'integration', 'status', 'cost_basis', 'appraisal_basis', 'confidence', 'source',
] as const;

const MFCFA = 'millions of FCFA';
/** Larger than any plausible single infrastructure project (10,000 bn FCFA): catches unit slips. */
const ABSURD_COST = 10_000_000;
const SHARE_TOLERANCE = 1e-6;

export function parseProjects(text: string, file: string): WithDiagnostics<readonly Project[]> {
  const read = readCsvTable(text, file);
  const problems: Diagnostic[] = [...read.diagnostics];
  const table = read.value;
  if (table === null || !checkHeader(table, PROJECT_COLUMNS, problems)) return { value: [], diagnostics: problems };

  const projects: Project[] = [];
  const firstLineOfId = new Map<string, number>();
  for (const row of table.rows) {
    if (stopAfterTooMany(table.file, row.line, problems)) break;
    const r = new RowReader(table, row, problems);
    const before = problems.length;
    const id = r.text('id');
    if (id !== '' && firstLineOfId.has(id)) {
      r.report('id', 'duplicate-id', `project id "${id}" is already used on line ${firstLineOfId.get(id)}`, {
        found: id,
        hint: 'give every project its own id',
      });
    } else if (id !== '') firstLineOfId.set(id, row.line);

    const countries = readCountryShares(r, table.decimalComma);
    const totalCost = r.number('total_cost', { min: 0, max: ABSURD_COST, unit: MFCFA });
    const bcidRequested = r.number('bcid_requested', { min: 0, max: ABSURD_COST, unit: MFCFA });
    const coFinancing = r.optionalNumber('co_financing', { min: 0, max: ABSURD_COST, unit: MFCFA }) ?? 0;
    if (totalCost <= 0 && !Number.isNaN(totalCost)) {
      r.report('total_cost', 'out-of-range', 'total_cost must be positive', { found: String(totalCost), expected: `> 0 (${MFCFA})` });
    }
    if (bcidRequested > totalCost) {
      r.report('bcid_requested', 'request-above-cost', `bcid_requested (${bcidRequested}) is larger than total_cost (${totalCost})`, {
        hint: 'the bank cannot lend more than the project costs; check both are in millions of FCFA',
      });
    } else if (bcidRequested + coFinancing > totalCost * (1 + 1e-9)) {
      r.report('co_financing', 'financing-above-cost', `bcid_requested + co_financing (${bcidRequested + coFinancing}) is larger than total_cost (${totalCost})`, {
        hint: 'the financing plan cannot exceed the cost',
      });
    }
    const instrument = r.oneOf('instrument', INSTRUMENTS);
    const cfadsYear1 = r.optionalNumber('cfads_year1', { min: 0, max: ABSURD_COST, unit: `${MFCFA} per year` }, instrument === 'non-sovereign');
    const cfadsGrowth = r.optionalNumber('cfads_growth', { min: -0.5, max: 0.5, unit: 'a decimal rate per year' });
    const project: Project = {
      id,
      name: r.text('name'),
      countries,
      partners: r.text('partners', { required: false }).split('|').map((s) => s.trim()).filter((s) => s !== ''),
      sector: r.oneOf('sector', SECTORS),
      instrument,
      totalCost,
      bcidRequested,
      coFinancing,
      earliestStart: r.number('earliest_start', { integer: true, min: 2000, max: 2100, unit: 'a calendar year' }),
      constructionYears: r.number('construction_years', { integer: true, min: 1, max: 15, unit: 'years' }),
      economicLife: r.number('economic_life', { integer: true, min: 1, max: 100, unit: 'years' }),
      eirr: r.number('eirr', { min: -0.5, max: 1, unit: 'a decimal rate, 0.12 = 12 %' }),
      firr: r.optionalNumber('firr', { min: -0.5, max: 1, unit: 'a decimal rate, 0.08 = 8 %' }),
      cfadsYear1,
      cfadsGrowth: cfadsYear1 === null ? null : (cfadsGrowth ?? 0),
      readiness: r.number('readiness', { integer: true, min: 1, max: 5, unit: '1 idea … 5 under construction' }),
      jobs: r.number('jobs', { integer: true, min: 0, max: 10_000_000, unit: 'jobs' }),
      populationServed: r.number('population_served', { integer: true, min: 0, max: 500_000_000, unit: 'persons' }),
      integration: r.number('integration', { min: 0, max: 1, unit: 'a score from 0 to 1' }),
      status: r.text('status'),
      costBasis: r.oneOf('cost_basis', ['published', 'estimate'] as const),
      appraisalBasis: r.oneOf('appraisal_basis', ['published', 'illustrative'] as const),
      confidence: r.oneOf('confidence', CONFIDENCES),
      source: r.text('source', { required: false }),
      origin: r.position('id'),
    };
    if (problems.length === before) projects.push(project);
  }
  return { value: projects, diagnostics: problems };
}

/** `MLI:0.6|BFA:0.4`: the members hosting the BCID-financed part, with their shares. */
function readCountryShares(r: RowReader, decimalComma: boolean): CountryShare[] {
  const raw = r.text('countries');
  if (raw === '') return [];
  const shares: CountryShare[] = [];
  let ok = true;
  for (const part of raw.split('|')) {
    const [codeRaw, shareRaw] = part.split(':').map((s) => s.trim());
    const code = codeRaw ?? '';
    const share = shareRaw === undefined ? null : parseLocaleNumber(shareRaw, decimalComma);
    if (!isMemberCode(code)) {
      ok = false;
      r.report('countries', 'unknown-member', `"${code}" is not a member of the Confederation`, {
        found: code,
        expected: MEMBER_CODES.join(' | '),
        hint: 'the bank lends to MLI, BFA and NER; list other countries in "partners"',
      });
    } else if (share === null || share <= 0 || share > 1) {
      ok = false;
      r.report('countries', 'invalid-share', `share of ${code} must be a decimal in (0, 1], got "${shareRaw ?? ''}"`, {
        found: part,
        expected: 'CODE:share, e.g. MLI:0.6|BFA:0.4',
        hint: 'write each share as a decimal, the shares adding up to 1, e.g. MLI:0.6|BFA:0.4',
      });
    } else if (shares.some((s) => s.member === code)) {
      ok = false;
      r.report('countries', 'duplicate-member', `${code} is listed twice`, { found: raw, hint: `give ${code} once, with the sum of its shares` });
    } else shares.push({ member: code, share });
  }
  const sum = shares.reduce((a, s) => a + s.share, 0);
  if (ok && Math.abs(sum - 1) > SHARE_TOLERANCE) {
    r.report('countries', 'shares-not-one', `country shares sum to ${round(sum)}, not 1`, {
      found: raw,
      expected: 'shares summing to 1, e.g. MLI:0.5|BFA:0.3|NER:0.2',
      hint: 'adjust the shares so that they add up to 1',
    });
  }
  return shares;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
