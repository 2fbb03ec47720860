import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contribution } from '../../src/schema/records.js';
import { delayPaidIn } from '../../src/shocks/paid-in-delay.js';
import { MEMBER_CODES } from '../../src/schema/codes.js';

const origin = { file: 'test', line: 1, column: 1 };
const row = (member: 'MLI' | 'BFA' | 'NER', year: number, paidIn: number, levy = 10): Contribution => ({
  member, year, paidIn, callable: 0, levy, basis: 'estimate', source: '', origin,
});

describe('delayPaidIn', () => {
  it('moves a member’s instalments by its delay and leaves the levy in place', () => {
    const input = [row('MLI', 2025, 100), row('MLI', 2026, 50), row('MLI', 2027, 0), row('BFA', 2025, 100), row('BFA', 2026, 0)];
    const out = delayPaidIn(input, { MLI: 1 });
    const mli = out.filter((c) => c.member === 'MLI').map((c) => [c.year, c.paidIn, c.levy]);
    expect(mli).toEqual([[2025, 0, 10], [2026, 100, 10], [2027, 50, 10]]);
    expect(out.filter((c) => c.member === 'BFA').map((c) => c.paidIn)).toEqual([100, 0]);
  });

  it('adds a row when an instalment lands after the last year of the file', () => {
    const out = delayPaidIn([row('NER', 2028, 40)], { NER: 2 });
    expect(out.map((c) => [c.year, c.paidIn, c.levy])).toEqual([[2028, 0, 10], [2030, 40, 0]]);
  });

  it('conserves each member’s paid-in total whatever the delays', () => {
    const contribution = fc.record({
      member: fc.constantFrom(...MEMBER_CODES),
      year: fc.integer({ min: 2024, max: 2035 }),
      paidIn: fc.integer({ min: 0, max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(contribution, { selector: (c) => `${c.member}${c.year}`, maxLength: 20 }), fc.integer({ min: 0, max: 5 }), (rows, d) => {
        const input = rows.map((r) => row(r.member, r.year, r.paidIn));
        const out = delayPaidIn(input, { MLI: d, BFA: 0, NER: d + 1 });
        for (const m of MEMBER_CODES) {
          const sum = (cs: readonly Contribution[]) => cs.filter((c) => c.member === m).reduce((a, c) => a + c.paidIn, 0);
          expect(sum(out)).toBe(sum(input));
        }
      }),
    );
  });
});
