/**
 * The debt-sustainability columns of tables/member-debt.csv: for each of the six
 * indicators its value with BCID-AES, without, the increment, the threshold and
 * the breach flag; then the binding LIC-DSF indicator. Appended to the bank-only
 * columns of `membersTable` (src/report/tables.ts).
 */
import { DEBT_INDICATORS } from '../../model/members/thresholds.js';
import type { MemberYearResult } from '../../model/results.js';
import type { Locale } from '../locale.js';
import { column, type Cell, type ColumnSpec } from '../table.js';

const bn = (millions: number): number => millions / 1000;

export function memberDebtColumns(locale: Locale): ColumnSpec[] {
  const money = locale.t('unit.bnFcfa');
  const pct = locale.t('unit.percent');
  const columns: ColumnSpec[] = [
    column('bcidDebtIs', locale.t('col.bcidDebtIs'), 'text'),
    column('publicDebt', locale.t('col.publicDebt'), 'money', money, 0),
    column('externalDebt', locale.t('col.externalDebt'), 'money', money, 0),
  ];
  for (const k of DEBT_INDICATORS) {
    const label = locale.t(`indicator.${k}`);
    columns.push(
      column(k, label, 'ratio', pct, 1),
      column(`${k}WithoutBcid`, locale.t('col.withoutBcid', { label }), 'ratio', pct, 1),
      column(`${k}Increment`, locale.t('col.increment', { label }), 'ratio', pct, 2),
      column(`${k}Threshold`, locale.t('col.threshold', { label }), 'ratio', pct, 0),
      column(`${k}Breach`, locale.t('col.breach', { label }), 'text'),
    );
  }
  columns.push(column('bindingIndicator', locale.t('col.bindingIndicator'), 'text'), column('bindingRatio', locale.t('col.bindingRatio'), 'ratio', pct, 0));
  return columns;
}

export function memberDebtCells(m: MemberYearResult, locale: Locale): Cell[] {
  const yn = (b: boolean) => locale.t(b ? 'common.yes' : 'common.no');
  const cells: Cell[] = [locale.t(`debtClass.${m.bcidDebtIs}`), bn(m.publicDebt), bn(m.externalDebt)];
  for (const k of DEBT_INDICATORS) cells.push(m[k], m[`${k}WithoutBcid`], m.increments[k], m.thresholds[k], yn(m.breaches[k]));
  cells.push(locale.t(`indicator.${m.bindingIndicator}`), m.bindingRatio);
  return cells;
}

/** A member row with its per-indicator objects spread into dotted keys (`thresholds.pvExternalDebtToGdp`), for flat CSV. */
export function flatMemberRow(m: MemberYearResult): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(m) as [string, unknown][]) {
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, number | boolean>)) out[`${key}.${k}`] = v;
    } else out[key] = value as string | number | boolean | null;
  }
  return out;
}
