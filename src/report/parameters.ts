import type { RunResults } from '../model/results.js';
import { INSTRUMENTS, MEMBER_CODES, SECTORS, type Instrument, type MemberCode, type Sector } from '../schema/codes.js';
import { catalogue, type MessageKey } from './i18n/index.js';
import type { Locale } from './locale.js';
import { column, type Cell, type TableSpec } from './table.js';

/**
 * Every scenario parameter as a readable row for the methodology section and the
 * workbook: the scenario object is walked, so a parameter added to the schema later
 * still appears (under its key, unlabelled) rather than silently disappearing.
 */

type ValueKind = 'percent' | 'money' | 'number' | 'int' | 'plain' | 'year' | 'bool' | 'enum' | 'list' | 'text' | 'profile';

interface Described {
  readonly group: MessageKey;
  readonly label: string;
  readonly kind: ValueKind;
  readonly enumPrefix?: 'enum.method' | 'enum.uplift' | 'enum.allocation' | 'debtClass';
}

export interface ParameterRow {
  readonly group: string;
  readonly label: string;
  readonly path: string;
  readonly value: string;
}

const GROUPS: Readonly<Record<string, MessageKey>> = {
  name: 'paramGroup.general',
  extends: 'paramGroup.general',
  description: 'paramGroup.general',
  data: 'paramGroup.general',
  horizon: 'paramGroup.general',
  seed: 'paramGroup.general',
  appraisal: 'paramGroup.appraisal',
  lending: 'paramGroup.lending',
  funding: 'paramGroup.funding',
  policy: 'paramGroup.policy',
  credit: 'paramGroup.credit',
  members: 'paramGroup.members',
  allocation: 'paramGroup.allocation',
  stresses: 'paramGroup.general',
};

const isInstrument = (s: string | undefined): s is Instrument => (INSTRUMENTS as readonly string[]).includes(s ?? '');
const isMember = (s: string | undefined): s is MemberCode => (MEMBER_CODES as readonly string[]).includes(s ?? '');
const isSector = (s: string | undefined): s is Sector => (SECTORS as readonly string[]).includes(s ?? '');

const SIMPLE: Readonly<Record<string, readonly [MessageKey, ValueKind, Described['enumPrefix']?]>> = {
  name: ['param.name', 'text'],
  extends: ['param.extends', 'text'],
  description: ['param.description', 'text'],
  'data.projects': ['param.data.projects', 'text'],
  'data.members': ['param.data.members', 'text'],
  'data.contributions': ['param.data.contributions', 'text'],
  'data.memberDebtPaths': ['param.data.memberDebtPaths', 'text'],
  'members.bcidDebtIs': ['param.members.bcidDebtIs', 'enum', 'debtClass'],
  'horizon.start': ['param.horizon.start', 'year'],
  'horizon.end': ['param.horizon.end', 'year'],
  seed: ['param.seed', 'plain'],
  'appraisal.discountRate': ['param.appraisal.discountRate', 'percent'],
  'appraisal.costUplift': ['param.appraisal.costUplift', 'enum', 'enum.uplift'],
  'appraisal.formula': ['param.appraisal.formula', 'text'],
  'lending.equity.dividendYield': ['param.equity.dividendYield', 'percent'],
  'lending.equity.holdingYears': ['param.equity.holdingYears', 'int'],
  'lending.equity.exitMultiple': ['param.equity.exitMultiple', 'number'],
  'funding.levyShareToBank': ['param.funding.levyShareToBank', 'percent'],
  'funding.levyScale': ['param.funding.levyScale', 'number'],
  'funding.borrowing.enabled': ['param.funding.borrowing.enabled', 'bool'],
  'funding.borrowing.firstYear': ['param.funding.borrowing.firstYear', 'year'],
  'funding.borrowing.rate': ['param.funding.borrowing.rate', 'percent'],
  'funding.borrowing.tenor': ['param.funding.borrowing.tenor', 'int'],
  'funding.borrowing.method': ['param.funding.borrowing.method', 'enum', 'enum.method'],
  'funding.borrowing.maxGearing': ['param.funding.borrowing.maxGearing', 'number'],
  'funding.borrowing.foreignCurrencyShare': ['param.funding.borrowing.foreignCurrencyShare', 'percent'],
  'funding.treasuryYield': ['param.funding.treasuryYield', 'percent'],
  'funding.operatingExpenses.fixed': ['param.funding.operatingExpenses.fixed', 'money'],
  'funding.operatingExpenses.growth': ['param.funding.operatingExpenses.growth', 'percent'],
  'funding.operatingExpenses.shareOfLoans': ['param.funding.operatingExpenses.shareOfLoans', 'percent'],
  'policy.equityToLoansFloor': ['param.policy.equityToLoansFloor', 'percent'],
  'policy.singleProjectLimit': ['param.policy.singleProjectLimit', 'percent'],
  'policy.countryExposureLimit': ['param.policy.countryExposureLimit', 'number'],
  'policy.fairReturnBand': ['param.policy.fairReturnBand', 'percent'],
  'policy.minReadiness': ['param.policy.minReadiness', 'int'],
  'policy.liquidityMonths': ['param.policy.liquidityMonths', 'number'],
  'credit.preferredCreditor': ['param.credit.preferredCreditor', 'bool'],
  'allocation.method': ['param.allocation.method', 'enum', 'enum.allocation'],
  'allocation.firstCommitmentYear': ['param.allocation.firstCommitmentYear', 'year'],
  'allocation.lastCommitmentYear': ['param.allocation.lastCommitmentYear', 'year'],
  'allocation.pinned': ['param.allocation.pinned', 'list'],
  'allocation.excluded': ['param.allocation.excluded', 'list'],
  'allocation.timeLimitSeconds': ['param.allocation.timeLimitSeconds', 'number'],
  'allocation.mipRelativeGap': ['param.allocation.mipRelativeGap', 'percent'],
  stresses: ['param.stresses', 'list'],
};

const LOAN_FIELDS: Readonly<Record<string, readonly [MessageKey, ValueKind, Described['enumPrefix']?]>> = {
  years: ['param.lending.years', 'int'],
  grace: ['param.lending.grace', 'int'],
  method: ['param.lending.method', 'enum', 'enum.method'],
  spread: ['param.lending.spread', 'percent'],
  frontEndFee: ['param.lending.frontEndFee', 'percent'],
  commitmentFee: ['param.lending.commitmentFee', 'percent'],
  capitalize: ['param.lending.capitalize', 'bool'],
  targetDscr: ['param.lending.targetDscr', 'number'],
  profile: ['param.lending.profile', 'profile'],
};

const MEMBER_DEBT_FIELDS = ['externalInterestRate', 'domesticInterestRate', 'primaryBalance', 'externalAmortisation', 'externalFinancingShare'] as const;
const isMemberDebtField = (s: string | undefined): s is (typeof MEMBER_DEBT_FIELDS)[number] => (MEMBER_DEBT_FIELDS as readonly string[]).includes(s ?? '');

const CRITERIA: Readonly<Record<string, MessageKey>> = {
  eirr: 'criterion.eirr',
  firr: 'criterion.firr',
  npv: 'criterion.npv',
  jobs: 'criterion.jobs',
  population: 'criterion.population',
  integration: 'criterion.integration',
  readiness: 'criterion.readiness',
};
const INDICES: Readonly<Record<string, MessageKey>> = {
  financialEconomic: 'index.financialEconomic',
  socialIntegration: 'index.socialIntegration',
};

function describe(path: readonly string[], locale: Locale): Described {
  const key = path.join('.');
  const group = GROUPS[path[0] ?? ''] ?? 'paramGroup.other';
  const simple = SIMPLE[key];
  if (simple) return { group, label: locale.t(simple[0]), kind: simple[1], ...(simple[2] ? { enumPrefix: simple[2] } : {}) };
  const [a, b, c, d] = path;
  if (a === 'lending' && isInstrument(b) && c !== undefined && LOAN_FIELDS[c] && d === undefined) {
    const [k, kind, enumPrefix] = LOAN_FIELDS[c]!;
    return { group, label: locale.t(k, { instrument: locale.t(`instrument.${b}`) }), kind, ...(enumPrefix ? { enumPrefix } : {}) };
  }
  if (a === 'appraisal' && b === 'weights' && c === 'combine' && d !== undefined && INDICES[d])
    return { group, label: locale.t('param.appraisal.combine', { index: locale.t(INDICES[d]!) }), kind: 'number' };
  if (a === 'appraisal' && b === 'weights' && c !== undefined && INDICES[c] && d !== undefined && CRITERIA[d])
    return {
      group,
      label: locale.t('param.appraisal.weight', { criterion: locale.t(CRITERIA[d]!), index: locale.t(INDICES[c]!) }),
      kind: 'number',
    };
  if (a === 'policy' && b === 'sectorCaps' && isSector(c))
    return { group, label: locale.t('param.policy.sectorCap', { sector: locale.t(`sector.${c}`) }), kind: 'percent' };
  if (a === 'credit' && (b === 'pd' || b === 'lgd' || b === 'pdWithoutPcs' || b === 'lgdWithoutPcs') && isInstrument(c))
    return { group, label: locale.t(`param.credit.${b}`, { instrument: locale.t(`instrument.${c}`) }), kind: 'percent' };
  if (a === 'members' && b === 'nominalGrowth' && isMember(c))
    return { group, label: locale.t('param.members.nominalGrowth', { member: locale.t(`member.${c}`) }), kind: 'percent' };
  if (a === 'members' && b === 'debt' && isMember(c) && isMemberDebtField(d))
    return { group, label: locale.t(`param.members.debt.${d}`, { member: locale.t(`member.${c}`) }), kind: 'percent' };
  return { group, label: key, kind: 'text' };
}

function formatValue(value: unknown, d: Described, locale: Locale): string {
  if (value === null || value === undefined) return locale.t('common.notApplicable');
  if (Array.isArray(value)) {
    if (value.length === 0) return locale.t('common.none');
    if (d.kind === 'profile')
      return value
        .map((s: { from?: unknown; to?: unknown; pct?: unknown }) =>
          locale.t('profile.step', {
            from: String(s.from ?? ''),
            to: String(s.to ?? ''),
            pct: typeof s.pct === 'number' ? locale.percent(s.pct / 100) : String(s.pct ?? ''),
          }),
        )
        .join('; ');
    return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(locale.t('common.listSeparator'));
  }
  if (typeof value === 'boolean') return locale.t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') {
    switch (d.kind) {
      case 'percent':
        return locale.percent(value, value * 100 === Math.round(value * 100) ? 0 : 2);
      case 'money':
        return locale.money(value);
      case 'int':
        return locale.integer(value);
      case 'year':
      case 'plain':
        return String(value);
      default:
        return Number.isInteger(value) ? locale.integer(value) : locale.number(value, 2);
    }
  }
  if (typeof value === 'string') {
    if (d.kind === 'enum' && d.enumPrefix) {
      const k = `${d.enumPrefix}.${value}`;
      return isMessageKey(k, locale) ? locale.t(k) : value;
    }
    return value;
  }
  return JSON.stringify(value);
}

function isMessageKey(k: string, locale: Locale): k is MessageKey {
  return Object.hasOwn(catalogue(locale.lang), k);
}

function leaves(value: unknown, path: string[], out: { path: string[]; value: unknown }[]): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  } else {
    out.push({ path, value });
  }
}

/** Every parameter of the scenario, in the scenario's own order. */
export function parameterRows(scenario: RunResults['scenario'], locale: Locale): ParameterRow[] {
  const out: { path: string[]; value: unknown }[] = [];
  leaves(scenario, [], out);
  return out.map(({ path, value }) => {
    const d = describe(path, locale);
    return { group: locale.t(d.group), label: d.label, path: path.join('.'), value: formatValue(value, d, locale) };
  });
}

export function parametersTable(results: RunResults, locale: Locale): TableSpec {
  const columns = [
    column('group', locale.t('col.item'), 'text'),
    column('parameter', locale.t('col.parameter'), 'text'),
    column('value', locale.t('col.value'), 'text'),
    column('path', locale.t('col.path'), 'text'),
  ];
  const rows = parameterRows(results.scenario, locale).map((r): Cell[] => [r.group, r.label, r.value, r.path]);
  return { id: 'scenario-parameters', title: locale.t('table.parameters.title'), columns, rows };
}
