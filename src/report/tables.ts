import type { AllocationRow, BankYear, RunResults } from '../model/results.js';
import { MEMBER_CODES, SECTORS, type MemberCode, type Sector } from '../schema/codes.js';
import type { Locale } from './locale.js';
import { isShortOfFunding, limitLabel, MONEY_LIMITS, unfundedReason } from './reasons.js';
import { column, type Cell, type ColumnSpec, type TableSpec } from './table.js';
import { capacityTable } from './tables/capacity.js';
import { capitalTable } from './tables/capital.js';
import { memberDebtCells, memberDebtColumns } from './tables/member-debt.js';
import { pricingTable } from './tables/pricing.js';
import { maturityGapTable } from './tables/maturity-gap.js';

/** Millions of FCFA → billions, the presentation unit of `money` columns. */
export const bn = (millions: number): number => millions / 1000;
const bnOrNull = (millions: number | null): number | null => (millions === null ? null : millions / 1000);

/** "Mali 60 %, Burkina Faso 40 %" (or the single name when one member carries it all). */
export function countriesText(row: AllocationRow, locale: Locale): string {
  if (row.countries.length === 1) return locale.t(`member.${row.countries[0]!.member}`);
  return row.countries
    .map((c) => `${locale.t(`member.${c.member}`)} ${locale.percent(c.share)}`)
    .join(locale.t('common.listSeparator'));
}

function unitOf(locale: Locale) {
  return { money: locale.t('unit.bnFcfa'), pct: locale.t('unit.percent'), months: locale.t('unit.months'), index: locale.t('unit.index') };
}

/** Projects that receive money (fully or in part), best score first. */
export function fundedTable(results: RunResults, locale: Locale): TableSpec {
  const u = unitOf(locale);
  const t = (k: Parameters<Locale['t']>[0]) => locale.t(k);
  const columns: ColumnSpec[] = [
    column('id', t('col.id'), 'text'),
    column('name', t('col.name'), 'text'),
    column('countries', t('col.countries'), 'text'),
    column('sector', t('col.sector'), 'text'),
    column('instrument', t('col.instrument'), 'text'),
    column('commitmentYear', t('col.commitmentYear'), 'year'),
    column('cost', t('col.cost'), 'money', u.money),
    column('approved', t('col.approved'), 'money', u.money),
    column('score', t('col.score'), 'number', u.index),
    column('fei', t('col.fei'), 'number', u.index),
    column('sei', t('col.sei'), 'number', u.index),
    column('npv', t('col.npv'), 'money', u.money),
    column('grantElement', t('col.grantElement'), 'ratio', u.pct),
    column('concessional', t('col.concessional'), 'text'),
  ];
  const rows = [...results.allocation]
    .filter((r) => r.approved > 0)
    .sort((a, b) => b.score - a.score || a.projectId.localeCompare(b.projectId))
    .map((r): Cell[] => [
      r.projectId,
      r.name,
      countriesText(r, locale),
      locale.t(`sector.${r.sector}`),
      locale.t(`instrument.${r.instrument}`),
      r.commitmentYear,
      bn(r.cost),
      bn(r.approved),
      r.score,
      r.financialEconomicIndex,
      r.socialIntegrationIndex,
      bn(r.npv),
      r.grantElement,
      r.concessional === null ? null : t(r.concessional ? 'common.yes' : 'common.no'),
    ]);
  return { id: 'funded-projects', title: t('table.funded.title'), columns, rows };
}

/** Projects not funded or partly funded, with the binding limit and a sentence saying why. */
export function unfundedTable(results: RunResults, locale: Locale): TableSpec {
  const u = unitOf(locale);
  const t = (k: Parameters<Locale['t']>[0]) => locale.t(k);
  const columns: ColumnSpec[] = [
    column('id', t('col.id'), 'text'),
    column('name', t('col.name'), 'text'),
    column('countries', t('col.countries'), 'text'),
    column('sector', t('col.sector'), 'text'),
    column('score', t('col.score'), 'number', u.index),
    column('requested', t('col.requested'), 'money', u.money),
    column('upliftedRequest', t('col.upliftedRequest'), 'money', u.money),
    column('approved', t('col.approved'), 'money', u.money),
    column('limit', t('col.limit'), 'text'),
    column('reasonYear', t('col.reasonYear'), 'year'),
    column('reason', t('col.reason'), 'text'),
    column('shortfall', t('col.shortfall'), 'money', u.money),
    column('detail', t('col.detail'), 'text'),
  ];
  const rows = [...results.allocation]
    .filter(isShortOfFunding)
    .sort((a, b) => b.score - a.score || a.projectId.localeCompare(b.projectId))
    .map((r): Cell[] => [
      r.projectId,
      r.name,
      countriesText(r, locale),
      locale.t(`sector.${r.sector}`),
      r.score,
      bn(r.requested),
      bn(r.upliftedRequest),
      bn(r.approved),
      r.bindingLimit === null ? null : limitLabel(r.bindingLimit, locale),
      r.reasonYear,
      unfundedReason(r, results.scenario, locale),
      r.bindingLimit !== null && MONEY_LIMITS.has(r.bindingLimit) ? bnOrNull(r.shortfall) : null,
      r.reason,
    ]);
  return { id: 'unfunded-projects', title: t('table.unfunded.title'), columns, rows };
}

type BankField = { [K in keyof BankYear]-?: BankYear[K] extends number ? K : never }[keyof BankYear];

function bankTable(
  id: string,
  title: string,
  results: RunResults,
  locale: Locale,
  fields: readonly (readonly [BankField, Parameters<Locale['t']>[0]])[],
): TableSpec {
  const money = locale.t('unit.bnFcfa');
  const columns = [
    column('year', locale.t('col.year'), 'year'),
    ...fields.map(([f, k]) => column(f, locale.t(k), 'money', money)),
  ];
  const rows = results.bank.map((y): Cell[] => [y.year, ...fields.map(([f]) => bn(y[f]))]);
  return { id, title, columns, rows };
}

export function balanceSheetTable(results: RunResults, locale: Locale): TableSpec {
  return bankTable('bank-balance-sheet', locale.t('table.balance.title'), results, locale, [
    ['cash', 'col.cash'],
    ['loansOutstanding', 'col.loansOutstanding'],
    ['loanLossAllowance', 'col.loanLossAllowance'],
    ['equityInvestments', 'col.equityInvestments'],
    ['totalAssets', 'col.totalAssets'],
    ['borrowings', 'col.borrowings'],
    ['paidInCapital', 'col.paidInCapital'],
    ['levyContributions', 'col.levyContributions'],
    ['retainedEarnings', 'col.retainedEarnings'],
    ['equity', 'col.equity'],
  ]);
}

export function incomeTable(results: RunResults, locale: Locale): TableSpec {
  const base = bankTable('bank-income', locale.t('table.income.title'), results, locale, [
    ['interestIncome', 'col.interestIncome'],
    ['feeIncome', 'col.feeIncome'],
    ['equityIncome', 'col.equityIncome'],
    ['treasuryIncome', 'col.treasuryIncome'],
    ['interestExpense', 'col.interestExpense'],
    ['operatingExpenses', 'col.operatingExpenses'],
    ['provisions', 'col.provisions'],
    ['writeOffs', 'col.writeOffs'],
    ['netIncome', 'col.netIncome'],
  ]);
  return {
    ...base,
    columns: [...base.columns, column('roe', locale.t('col.roe'), 'ratio', locale.t('unit.percent'))],
    rows: base.rows.map((r, i) => [...r, results.bank[i]?.roe ?? null]),
  };
}

export function cashFlowTable(results: RunResults, locale: Locale): TableSpec {
  return bankTable('bank-cash-flow', locale.t('table.cashflow.title'), results, locale, [
    ['paidInReceived', 'col.paidInReceived'],
    ['levyReceived', 'col.levyReceived'],
    ['borrowingRaised', 'col.borrowingRaised'],
    ['principalRepaid', 'col.principalRepaid'],
    ['otherReflows', 'col.otherReflows'],
    ['treasuryIncome', 'col.treasuryIncome'],
    ['disbursements', 'col.disbursements'],
    ['interestExpense', 'col.interestExpense'],
    ['borrowingRepaid', 'col.borrowingRepaid'],
    ['operatingExpenses', 'col.operatingExpenses'],
    ['creditCharge', 'col.creditCharge'],
    ['commitments', 'col.commitments'],
    ['cash', 'col.cash'],
  ]);
}

export function ratiosTable(results: RunResults, locale: Locale): TableSpec {
  const p = results.scenario.policy;
  const pct = locale.t('unit.percent');
  const columns = [
    column('year', locale.t('col.year'), 'year'),
    column('equityToLoans', locale.t('col.equityToLoans'), 'ratio', pct),
    column('equityToLoansFloor', locale.t('col.equityToLoansFloor'), 'ratio', pct, 0),
    column('debtToEquity', locale.t('col.debtToEquity'), 'number', locale.t('unit.times')),
    column('maxGearing', locale.t('col.maxGearing'), 'number', locale.t('unit.times')),
    column('liquidityMonths', locale.t('col.liquidityMonths'), 'number', locale.t('unit.months'), 1),
    column('liquidityPolicy', locale.t('col.liquidityPolicy'), 'number', locale.t('unit.months'), 0),
    column('liquidityBuffer', locale.t('col.liquidityBuffer'), 'money', locale.t('unit.bnFcfa')),
    column('capitalUtilisation', locale.t('col.capitalUtilisation'), 'ratio', pct),
    column('headroom', locale.t('col.headroom'), 'money', locale.t('unit.bnFcfa')),
    column('largestCountryShare', locale.t('col.largestCountryShare'), 'ratio', pct),
    column('largestProjectShare', locale.t('col.largestProjectShare'), 'ratio', pct),
    column('nplRatio', locale.t('col.nplRatio'), 'ratio', pct),
  ];
  const gearing = results.scenario.funding.borrowing.enabled ? results.scenario.funding.borrowing.maxGearing : 0;
  const rows = results.bank.map((y): Cell[] => [
    y.year,
    y.equityToLoans,
    p.equityToLoansFloor,
    y.debtToEquity,
    gearing,
    y.liquidityMonths,
    p.liquidityMonths,
    bn(y.liquidityBuffer),
    y.capitalUtilisation,
    bn(y.headroom),
    y.largestCountryShare,
    y.largestProjectShare,
    y.nplRatio,
  ]);
  return { id: 'bank-ratios', title: locale.t('table.ratios.title'), columns, rows };
}

export function membersTable(results: RunResults, locale: Locale): TableSpec {
  const money = locale.t('unit.bnFcfa');
  const pct = locale.t('unit.percent');
  const columns = [
    column('member', locale.t('col.member'), 'text'),
    column('year', locale.t('col.year'), 'year'),
    column('debtCapacity', locale.t('col.debtCapacity'), 'text'),
    column('disbursed', locale.t('col.disbursed'), 'money', money),
    column('debtService', locale.t('col.debtService'), 'money', money),
    column('nonSovereignDebtService', locale.t('col.nonSovereignDebtService'), 'money', money),
    column('outstanding', locale.t('col.outstanding'), 'money', money),
    column('revenue', locale.t('col.revenue'), 'money', money, 0),
    column('exports', locale.t('col.exports'), 'money', money, 0),
    column('debtServiceToRevenue', locale.t('col.debtServiceToRevenue'), 'ratio', pct, 2),
    column('thresholdRevenue', locale.t('col.thresholdRevenue'), 'ratio', pct, 0),
    column('breachesRevenue', locale.t('col.breachesRevenue'), 'text'),
    column('debtServiceToExports', locale.t('col.debtServiceToExports'), 'ratio', pct, 2),
    column('thresholdExports', locale.t('col.thresholdExports'), 'ratio', pct, 0),
    column('breachesExports', locale.t('col.breachesExports'), 'text'),
    column('grantElement', locale.t('col.grantElement'), 'ratio', pct),
    ...memberDebtColumns(locale),
  ];
  const order = (m: string) => (MEMBER_CODES as readonly string[]).indexOf(m);
  const yn = (b: boolean) => locale.t(b ? 'common.yes' : 'common.no');
  const rows = [...results.members]
    .sort((a, b) => order(a.member) - order(b.member) || a.year - b.year)
    .map((m): Cell[] => [
      locale.t(`member.${m.member}`),
      m.year,
      locale.t(`capacity.${m.debtCapacity}`),
      bn(m.disbursed),
      bn(m.debtService),
      bn(m.nonSovereignDebtService),
      bn(m.outstanding),
      bn(m.revenue),
      bn(m.exports),
      m.debtServiceToRevenue,
      m.thresholdRevenue,
      yn(m.breachesRevenue),
      m.debtServiceToExports,
      m.thresholdExports,
      yn(m.breachesExports),
      m.grantElement,
      ...memberDebtCells(m, locale),
    ]);
  return { id: 'member-debt', title: locale.t('table.members.title'), columns, rows };
}

/** Portfolio flows; all dimensions unless one is given. */
export function reflowsTable(results: RunResults, locale: Locale, only?: 'total' | 'member' | 'sector'): TableSpec {
  const money = locale.t('unit.bnFcfa');
  const columns = [
    column('year', locale.t('col.year'), 'year'),
    column('dimension', locale.t('col.dimension'), 'text'),
    column('key', locale.t('col.key'), 'text'),
    column('disbursed', locale.t('col.disbursed'), 'money', money),
    column('principal', locale.t('col.principal'), 'money', money),
    column('interest', locale.t('col.interest'), 'money', money),
    column('fees', locale.t('col.fees'), 'money', money),
    column('capitalised', locale.t('col.capitalised'), 'money', money),
    column('dividends', locale.t('col.dividends'), 'money', money),
    column('exitProceeds', locale.t('col.exitProceeds'), 'money', money),
    column('outstanding', locale.t('col.outstanding'), 'money', money),
  ];
  const dimOrder = { total: 0, member: 1, sector: 2 } as const;
  const keyLabel = (dimension: string, key: string): string => {
    if (dimension === 'total') return locale.t('common.all');
    if (dimension === 'member' && (MEMBER_CODES as readonly string[]).includes(key)) return locale.t(`member.${key as MemberCode}`);
    if (dimension === 'sector') {
      return (SECTORS as readonly string[]).includes(key) ? locale.t(`sector.${key as Sector}`) : key;
    }
    return key;
  };
  const rows = results.reflows
    .filter((r) => only === undefined || r.dimension === only)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.year - b.r.year || dimOrder[a.r.dimension] - dimOrder[b.r.dimension] || a.i - b.i)
    .map(({ r }): Cell[] => [
      r.year,
      locale.t(`dimension.${r.dimension}`),
      keyLabel(r.dimension, r.key),
      bn(r.disbursed),
      bn(r.principal),
      bn(r.interest),
      bn(r.fees),
      bn(r.capitalised),
      bn(r.dividends),
      bn(r.exitProceeds),
      bn(r.outstanding),
    ]);
  const id = only === undefined ? 'portfolio-reflows' : `portfolio-reflows-${only}`;
  return { id, title: locale.t('table.reflows.title'), columns, rows };
}

export function checksTable(results: RunResults, locale: Locale): TableSpec {
  const columns = [
    column('check', locale.t('col.check'), 'text'),
    column('ok', locale.t('col.ok'), 'text'),
    column('largestError', locale.t('col.largestError'), 'number', null, 6),
    column('year', locale.t('col.year'), 'year'),
    column('detail', locale.t('col.detail'), 'text'),
  ];
  const rows = results.checks.map((c): Cell[] => [
    c.name,
    locale.t(c.ok ? 'common.yes' : 'common.no'),
    c.largestError,
    c.year,
    c.detail,
  ]);
  return { id: 'model-checks', title: locale.t('table.checks.title'), columns, rows };
}

/** Every data table of a run, in the order of the workbook and the CSV folder. */
export function buildTables(results: RunResults, locale: Locale): TableSpec[] {
  return [
    fundedTable(results, locale),
    unfundedTable(results, locale),
    balanceSheetTable(results, locale),
    incomeTable(results, locale),
    cashFlowTable(results, locale),
    ratiosTable(results, locale),
    capitalTable(results, locale),
    ...[capacityTable(results, locale)].filter((x): x is TableSpec => x !== null),
    membersTable(results, locale),
    pricingTable(results, locale),
    reflowsTable(results, locale),
    ...[maturityGapTable(results, locale)].filter((t): t is TableSpec => t !== null),
    checksTable(results, locale),
  ];
}
