import { describe, expect, it } from 'vitest';
import { formatStress, parseStress, suggestStress } from '../../src/schema/stress-names.js';
import { memberMacroShock, shockCut } from '../../src/shocks/member-macro.js';

describe('member-* stresses in the catalogue', () => {
  it('parse and format back', () => {
    for (const name of ['member-growth-shock-3', 'member-exports-shock-15', 'member-depreciation-30']) {
      const s = parseStress(name);
      expect(s).not.toBeNull();
      expect(formatStress(s!)).toBe(name);
    }
    expect(parseStress('member-growth-shock-3')).toEqual({ kind: 'member-growth-shock', pct: 3 });
  });

  it('reject malformed names and suggest the right family', () => {
    for (const bad of ['member-growth-3', 'member-growth-shock-0', 'member-growth-shock-51', 'member-depreciation', 'member-exports-shock-5-2030', 'member-x-shock-3']) expect(parseStress(bad)).toBeNull();
    expect(suggestStress('member-growth-shok-3')).toBe('member-growth-shock-3');
  });

  it('compose: cuts add, depreciations compound; only projection years 2 and 3 are cut', () => {
    const s = memberMacroShock([parseStress('member-growth-shock-2')!, parseStress('member-growth-shock-1')!, parseStress('member-depreciation-10')!, parseStress('member-depreciation-20')!, parseStress('pcs-loss')!]);
    expect(s.growthCut).toBeCloseTo(0.03, 15);
    expect(s.exportsCut).toBe(0);
    expect(s.depreciation).toBeCloseTo(1.1 * 1.2 - 1, 15);
    expect([1, 2, 3, 4].map((k) => shockCut(0.03, k))).toEqual([0, 0.03, 0.03, 0]);
  });
});
