import type { MemberCode } from '../schema/codes.js';
import type { Contribution } from '../schema/records.js';

/**
 * Members pay their paid-in capital later than the schedule in contributions.csv.
 * Shifts each member's paid-in instalments by its delay; levy and callable stay put.
 * Pure: returns new records, the input is untouched.
 */
export function delayPaidIn(
  contributions: readonly Contribution[],
  delays: Readonly<Partial<Record<MemberCode, number>>>,
): readonly Contribution[] {
  const shifted = new Map<string, number>();
  const key = (m: MemberCode, y: number) => `${m}/${y}`;
  for (const c of contributions) {
    const d = delays[c.member] ?? 0;
    if (c.paidIn !== 0) shifted.set(key(c.member, c.year + d), (shifted.get(key(c.member, c.year + d)) ?? 0) + c.paidIn);
  }
  const out: Contribution[] = contributions.map((c) => ({ ...c, paidIn: shifted.get(key(c.member, c.year)) ?? 0 }));
  // An instalment pushed past the last row of the file still arrives: add a row for it.
  const present = new Set(contributions.map((c) => key(c.member, c.year)));
  for (const [k, amount] of shifted) {
    if (present.has(k)) continue;
    const [member, year] = k.split('/') as [MemberCode, string];
    const template = contributions.find((c) => c.member === member)!;
    out.push({ ...template, year: Number(year), paidIn: amount, callable: 0, levy: 0 });
  }
  return out.sort((a, b) => a.year - b.year || a.member.localeCompare(b.member));
}
