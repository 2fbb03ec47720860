import { describe, expect, it } from 'vitest';
import { parseMemberDebtPaths } from '../../src/io/parse-member-debt-paths.js';

const HEADER = 'code,year,gdp,revenue,exports,public_debt,external_debt,external_debt_service,pv_external_debt,source';

describe('analyst debt paths (data.memberDebtPaths)', () => {
  it('reads one row per member and year; an empty PV is null', () => {
    const r = parseMemberDebtPaths(`${HEADER}\nMLI,2026,16000000,2800000,4000000,8500000,4500000,250000,,DSA 2025\nBFA,2026,16000000,3500000,4100000,9800000,3900000,200000,2500000,DSA\n`, 'paths.csv');
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toEqual([
      { code: 'MLI', year: 2026, gdp: 16_000_000, revenue: 2_800_000, exports: 4_000_000, publicDebt: 8_500_000, externalDebt: 4_500_000, externalDebtService: 250_000, pvExternalDebt: null },
      { code: 'BFA', year: 2026, gdp: 16_000_000, revenue: 3_500_000, exports: 4_100_000, publicDebt: 9_800_000, externalDebt: 3_900_000, externalDebtService: 200_000, pvExternalDebt: 2_500_000 },
    ]);
  });

  it('reports bad cells with file, line and column, and duplicates', () => {
    const r = parseMemberDebtPaths(`${HEADER}\nMLI,2026,-5,1,1,1,1,1,,x\nMLI,2026,1,1,1,1,1,1,,x\nXXX,2027,1,1,1,1,1,1,,x\n`, 'paths.csv');
    const at = r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`);
    expect(at).toContain('paths.csv:2:10 out-of-range');
    expect(at.some((a) => a.startsWith('paths.csv:3:') && a.endsWith('duplicate-row'))).toBe(true);
    expect(at.some((a) => a.startsWith('paths.csv:4:1 '))).toBe(true);
    expect(r.value).toHaveLength(0);
  });

  it('names a missing column', () => {
    const r = parseMemberDebtPaths('code,year,gdp\nMLI,2026,1\n', 'paths.csv');
    expect(r.diagnostics.map((d) => d.field)).toContain('external_debt_service');
  });
});
