import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLocaleNumber } from '../../src/io/locale-number.js';

const NNBSP = '\u202f'; // narrow no-break space: Intl fr-FR and recent French Excel
const NBSP = '\u00a0'; // no-break space: older French Excel

describe('parseLocaleNumber', () => {
  it.each([
    ['1234.5', false, 1234.5],
    ['1,234.5', false, 1234.5],
    ['1,234,567', false, 1234567],
    ['-0.5', false, -0.5],
    ['+7', false, 7],
    ['.5', false, 0.5],
    ['5.', false, 5],
    ['1e6', false, 1e6],
    ['2.5E-3', false, 0.0025],
    ['  42  ', false, 42],
    ['1 234,56', true, 1234.56],
    [`1${NNBSP}234,56`, true, 1234.56],
    [`1${NBSP}000${NBSP}000,00`, true, 1000000],
    ['-0,5', true, -0.5],
    ['1.234,5', true, 1234.5],
    ['0,05', true, 0.05],
    ['1234', true, 1234],
    ["1'234.5", false, 1234.5],
  ] as const)('%j (decimal comma: %s) is %d', (raw, decimalComma, expected) => {
    expect(parseLocaleNumber(raw, decimalComma)).toBe(expected);
  });

  it.each([
    ['NaN', false],
    ['nan', true],
    ['Infinity', false],
    ['-Infinity', true],
    ['1e999', false],
    ['-1e999', false],
    ['1e9999', false],
    ['0x10', false],
    ['1_000', false],
    ['12O000', false],
    ['1.2e', false],
    ['', false],
    ['   ', true],
    ['-', false],
    ['.', false],
    ['1,5', false], // a decimal comma in a comma-separated file is ambiguous: refused
    ['1,2345', false],
    ['1,234,56', true],
    ['12 %', false],
    ['€5', false],
    ['5 FCFA', false],
    ['=1+1', false],
    ['1.2.3', false],
  ] as const)('refuses %j (decimal comma: %s)', (raw, decimalComma) => {
    expect(parseLocaleNumber(raw, decimalComma)).toBeNull();
  });

  it('never returns a non-finite number, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.,eE+- \u00a0\u202f\'xIn'.split('')), maxLength: 30 }), fc.boolean(), (s, comma) => {
        const n = parseLocaleNumber(s, comma);
        return n === null || Number.isFinite(n);
      }),
      { numRuns: 500 },
    );
  });

  // Doubles whose shortest decimal form has at most 20 fraction digits, so Intl prints them exactly.
  const printable = fc.double({ min: -1e15, max: 1e15, noNaN: true }).filter((x) => x === 0 || Math.abs(x) >= 1e-3);
  const intlOptions = { maximumFractionDigits: 20, useGrouping: true } as const;

  it('round-trips numbers formatted by Intl fr-FR (narrow no-break space thousands, decimal comma)', () => {
    const fr = new Intl.NumberFormat('fr-FR', intlOptions);
    fc.assert(
      fc.property(printable, (x) => {
        expect(parseLocaleNumber(fr.format(x), true)).toBe(x);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips French numbers written with plain or no-break spaces as thousands separators', () => {
    const fr = new Intl.NumberFormat('fr-FR', intlOptions);
    fc.assert(
      fc.property(printable, fc.constantFrom(' ', NBSP, NNBSP, ''), (x, sep) => {
        expect(parseLocaleNumber(fr.format(x).replace(/[\u202f\u00a0]/g, sep), true)).toBe(x);
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips numbers formatted by Intl en-US (comma thousands, decimal point)', () => {
    const en = new Intl.NumberFormat('en-US', intlOptions);
    fc.assert(
      fc.property(printable, (x) => {
        expect(parseLocaleNumber(en.format(x), false)).toBe(x);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips String(x), the way csv-stringify writes numbers', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(parseLocaleNumber(String(x), false)).toBe(x === 0 ? 0 : x); // String(-0) is "0"
      }),
      { numRuns: 300 },
    );
  });
});
