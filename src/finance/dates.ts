import { FinanceError } from './errors.js';

/** An ISO calendar date `YYYY-MM-DD` or a `Date`. */
export type DateInput = string | Date;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whole days since 1970-01-01. Excel dates are whole days, so a `Date`'s time
 * of day is dropped; its UTC calendar day is used, the day `new Date('2024-01-15')`
 * names, so results do not depend on the machine's time zone.
 */
export function dayNumber(fn: string, date: DateInput): number {
  if (typeof date === 'string') {
    const m = ISO_DATE.exec(date);
    const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [NaN, NaN, NaN];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (!m || back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
      throw new FinanceError('invalid-argument', `${fn}: "${date}" is not a calendar date in the form YYYY-MM-DD`);
    }
    return ms / MS_PER_DAY;
  }
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new FinanceError('invalid-argument', `${fn}: invalid Date`);
  return Math.floor(ms / MS_PER_DAY);
}

/**
 * Year fractions ACT/365 from the first date, as Excel's XNPV and XIRR use.
 * Like Excel, no date may precede the first one; the rest may come in any order.
 */
export function yearFractions(fn: string, values: readonly number[], dates: readonly DateInput[]): number[] {
  if (values.length !== dates.length) {
    throw new FinanceError('invalid-argument', `${fn}: ${values.length} values but ${dates.length} dates`);
  }
  if (values.length === 0) throw new FinanceError('invalid-argument', `${fn}: at least one value is required`);
  const days = dates.map((d) => dayNumber(fn, d));
  const first = days[0] ?? 0;
  return days.map((d, i) => {
    if (d < first) {
      throw new FinanceError('invalid-argument', `${fn}: dates[${i}] precedes the first date, which marks the start of the cash flows`);
    }
    return (d - first) / 365;
  });
}
