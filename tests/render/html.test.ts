import { describe, expect, it } from 'vitest';
import { cssString, escapeHtml, renderDossierHtml, type ChartImage } from '../../src/render/html.js';
import { buildDossier, dossierCharts, type DossierOptions } from '../../src/report/dossier.js';
import { FIXTURE_INPUTS, makeRunResults } from '../report/fixtures/run-results.js';

const XSS = '<script>alert(1)</script>';
const options: DossierOptions = { lang: 'fr', date: '2025-12-22', dataSource: 'Données <b>test</b>', inputs: FIXTURE_INPUTS };
const fakeImages = (d: ReturnType<typeof buildDossier>) =>
  new Map<string, ChartImage>(dossierCharts(d).map((c) => [c.id, { mime: 'image/png', bytes: new Uint8Array([137, 80, 78, 71]) }]));

function html(lang: 'fr' | 'en' | 'ar', rename?: { id: string; name: string }) {
  const results = makeRunResults(rename ? { rename } : {});
  const d = buildDossier(results, { ...options, lang });
  return renderDossierHtml(d, fakeImages(d));
}

describe('HTML dossier', () => {
  it('escapes a project named <script>: it shows as text and no script element exists', () => {
    const out = html('fr', { id: 'AES-RAIL-01', name: XSS });
    expect(out).not.toMatch(/<script/i);
    expect(out).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    const hostileInput = { ...options, inputs: [{ path: 'data/"><img src=x onerror=alert(1)>.csv', sha256: 'ab', description: XSS, basis: 'estimate' as const }] };
    const d = buildDossier(makeRunResults(), hostileInput);
    const out2 = renderDossierHtml(d, fakeImages(d));
    expect(out2).not.toMatch(/<script/i);
    expect(out2).not.toMatch(/<img src=x/);
  });

  it('loads nothing from outside: only data: URIs and in-page anchors, and a CSP that forbids the rest', () => {
    const out = html('fr');
    const refs = [...out.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(8);
    for (const r of refs) expect(r).toMatch(/^(data:image\/(png|svg\+xml);base64,|#)/);
    expect(out).not.toMatch(/@import|url\(\s*['"]?(?!data:)/i);
    expect(out).not.toMatch(/https?:\/\//);
    expect(out).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`);
  });

  it('Arabic is right to left; French and English are left to right', () => {
    expect(html('ar')).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html('fr')).toMatch(/<html lang="fr" dir="ltr">/);
    expect(html('en')).toMatch(/<html lang="en" dir="ltr">/);
  });

  it('has the cover, numbered sections and A4 print CSS with running headers and page numbers', () => {
    const out = html('fr');
    expect(out).toContain('Sommet des Chefs d’État de l’AES, Bamako, 22–23 décembre 2025');
    expect(out).toContain('Date\u00a0: 22 décembre 2025');
    expect(out).toContain('Scénario\u00a0: baseline');
    for (const [n, t] of [[1, 'Synthèse'], [2, 'Financement de la banque'], [7, 'Tableaux annexes']] as const)
      expect(out).toContain(`<h2><span class="num">${n}</span> ${t}</h2>`);
    expect(out).toContain('@page { size: A4;');
    expect(out).toMatch(/@bottom-right \{ content: "Page " counter\(page\) " \/ " counter\(pages\)/);
    expect(out).toContain('@page annex { size: A4 landscape;');
    expect((out.match(/<figure class="chart"/g) ?? []).length).toBe(8);
  });

  it('keeps acronyms on one line', () => {
    expect(html('fr')).toContain('<span class="nb">PC-AES</span>');
  });

  it('is byte-identical for identical inputs', () => {
    expect(html('ar')).toBe(html('ar'));
  });

  it('CSS strings cannot close the style element or the string', () => {
    const s = cssString('a"b\\c</style><script>');
    expect(s).not.toMatch(/<|>/);
    expect(s.slice(1, -1)).not.toMatch(/(?<!\\)"/);
    expect(escapeHtml(`<a href='x'>&`)).toBe('&#60;a href=&#39;x&#39;&#62;&#38;');
  });
});
