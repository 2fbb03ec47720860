import { describe, expect, it } from 'vitest';
import { renderDossier, renderPacket as drawPacket, type PacketRenderOptions } from '../../src/render/packet.js';
import { buildDossiers, buildPacket, packetTables, type PacketReportOptions } from '../../src/report/packet.js';
import type { RunResults } from '../../src/model/results.js';

type PacketOptions = PacketReportOptions & PacketRenderOptions;
/** The packet as `bcid run` makes it: specs from the report layer, drawn by the render layer. */
const renderPacket = (r: RunResults, o: PacketOptions) => drawPacket(buildPacket(r, o), o);
import { FIXTURE_INPUTS, makeRunResults } from '../report/fixtures/run-results.js';

const results = makeRunResults();
const options: PacketOptions = {
  lang: 'fr',
  langs: ['en'],
  pdf: false,
  date: '2025-12-22',
  inputs: FIXTURE_INPUTS,
  dataSource: 'Données de test',
  csvDialect: 'fr',
  toolVersion: '0.1.0',
};

describe('report packet', () => {
  it('returns tables, charts, the workbook and the dossiers under safe relative paths', async () => {
    const files = await renderPacket(results, options);
    const paths = files.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of paths) {
      expect(p).not.toMatch(/^\/|\.\.|\\/);
      expect(p).toMatch(/^(tables\/[a-z0-9-]+\.csv|charts\/[a-z0-9-]+\.(png|svg)|bcid-baseline\.xlsx|dossier-(fr|en)\.html)$/);
    }
    for (const t of packetTables(results, options)) expect(paths).toContain(`tables/${t.id}.csv`);
    for (const id of ['sources-uses', 'commitments-by-member', 'commitments-by-sector', 'loans-equity', 'liquidity', 'portfolio-reflows', 'prioritisation-quadrant', 'member-debt-service']) {
      expect(paths).toContain(`charts/${id}.png`);
      expect(paths).toContain(`charts/${id}.svg`);
    }
    expect(paths).toContain('bcid-baseline.xlsx');
    expect(paths).toContain('dossier-fr.html');
    expect(paths).toContain('dossier-en.html');
    expect(paths.some((p) => p.endsWith('.pdf'))).toBe(false);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(files.find((f) => f.path === 'tables/bank-ratios.csv')!.bytes);
    expect(csv.startsWith('\ufeffAnnée;')).toBe(true);
  }, 60_000);

  it('is byte-identical for identical inputs, file by file, even seconds apart', async () => {
    const a = await renderPacket(results, options);
    await new Promise((r) => setTimeout(r, 2100));
    const b = await renderPacket(results, options);
    expect(b.map((f) => f.path)).toEqual(a.map((f) => f.path));
    a.forEach((f, i) => expect(Buffer.compare(Buffer.from(f.bytes), Buffer.from(b[i]!.bytes)), f.path).toBe(0));
  }, 90_000);

  it('renderDossier re-renders only the dossier of the asked language', async () => {
    const files = await renderDossier(buildDossiers(results, { ...options, lang: 'ar', langs: [] }), options);
    expect(files.map((f) => f.path)).toEqual(['dossier-ar.html']);
    expect(new TextDecoder().decode(files[0]!.bytes)).toContain('dir="rtl"');
  }, 60_000);
});

describe('degenerate runs', () => {
  it('a run with no project, no year and no member still renders every file', async () => {
    const empty = { ...results, allocation: [], bank: [], members: [], reflows: [], checks: [] };
    const files = await renderPacket(empty, { ...options, langs: ['ar'] });
    expect(files.map((f) => f.path)).toContain('dossier-ar.html');
    expect(files.find((f) => f.path === 'charts/prioritisation-quadrant.png')!.bytes.length).toBeGreaterThan(1000);
  }, 60_000);
});
