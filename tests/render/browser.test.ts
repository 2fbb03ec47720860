/**
 * End to end in real Chromium: print the dossier to PDF, rasterise pages with
 * poppler's pdftoppm and check they are not blank, check with pdftotext that key
 * figures computed from the results are in the PDF text (French and English), and
 * screenshot the HTML including the Arabic edition. Skipped, with a message, only
 * when Chromium or poppler is missing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfPrinter, findChromium, hasChromium, ChromiumMissingError, type PdfPrinter } from '../../src/render/pdf.js';
import { renderPacket as drawPacket, type OutputFile, type PacketRenderOptions } from '../../src/render/packet.js';
import { buildPacket, type PacketReportOptions } from '../../src/report/packet.js';
import type { RunResults } from '../../src/model/results.js';
import { keyFigures } from '../../src/report/key-figures.js';
import { createLocale } from '../../src/report/locale.js';
import { FIXTURE_INPUTS, makeRunResults } from '../report/fixtures/run-results.js';

/** The packet as `bcid run` makes it: specs from the report layer, drawn by the render layer. */
const renderPacket = (r: RunResults, o: PacketReportOptions & PacketRenderOptions) => drawPacket(buildPacket(r, o), o);

function hasPoppler(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const browserReady = hasChromium() && hasPoppler();
if (!browserReady) console.warn('SKIPPED browser tests: Chromium or poppler-utils is missing (apt-get install chromium poppler-utils)');

/** Parse a binary PGM (P5) and return the share of pixels darker than near-white. */
function pgmInk(buf: Buffer): { ratio: number; width: number; height: number } {
  const header = buf.toString('latin1', 0, 64).match(/^P5\s+(?:#.*\s+)*(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('not a binary PGM');
  const [whole, w, h] = header;
  const width = Number(w);
  const height = Number(h);
  const data = buf.subarray(whole!.length);
  let ink = 0;
  for (let i = 0; i < width * height; i++) if (data[i]! < 235) ink++;
  return { ratio: ink / (width * height), width, height };
}

/** Whitespace of every kind (no-break spaces included) collapsed, for text search in pdftotext output. */
const squash = (s: string) => s.replace(/[\s\u00a0\u202f\u200e\u200f]+/g, ' ');

describe.skipIf(!browserReady)('dossier in Chromium', () => {
  const results = makeRunResults({ end: 2055 });
  const dir = mkdtempSync(join(tmpdir(), 'bcid-dossier-'));
  let files: OutputFile[] = [];
  let printer: PdfPrinter;

  beforeAll(async () => {
    files = await renderPacket(results, {
      lang: 'fr',
      langs: ['en', 'ar'],
      pdf: true,
      date: '2025-12-22',
      inputs: FIXTURE_INPUTS,
      dataSource: 'Données de test',
      csvDialect: 'fr',
    });
    for (const f of files) if (f.path.startsWith('dossier-')) writeFileSync(join(dir, f.path), f.bytes);
    printer = await createPdfPrinter();
  }, 180_000);
  afterAll(async () => {
    await printer?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const file = (p: string) => files.find((f) => f.path === p)!;

  it('prints A4 PDFs in three languages', () => {
    for (const lang of ['fr', 'en', 'ar']) {
      const pdf = file(`dossier-${lang}.pdf`);
      expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
      const info = execFileSync('pdfinfo', [join(dir, `dossier-${lang}.pdf`)]).toString();
      expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
      expect(Number(info.match(/Pages:\s+(\d+)/)?.[1])).toBeGreaterThan(8);
    }
  });

  it('rasterised pages are not blank (cover, summary, a chart page)', () => {
    const out = join(dir, 'page');
    execFileSync('pdftoppm', ['-r', '40', '-gray', '-f', '1', '-l', '3', join(dir, 'dossier-fr.pdf'), out]);
    for (const n of ['01', '02', '03']) {
      const { ratio, width, height } = pgmInk(readFileSync(`${out}-${n}.pgm`));
      expect(width / height).toBeCloseTo(210 / 297, 2);
      expect(ratio, `page ${n}`).toBeGreaterThan(0.01);
      expect(ratio, `page ${n}`).toBeLessThan(0.9);
    }
  });

  it('the key figures computed from the results are in the PDF text, in French and in English', () => {
    for (const lang of ['fr', 'en'] as const) {
      const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, `dossier-${lang}.pdf`), '-']).toString());
      const L = createLocale(lang);
      for (const k of keyFigures(results, L)) expect(text, `${lang} ${k.id}`).toContain(squash(k.value));
      const committed = results.allocation.reduce((a, r) => a + r.approved, 0);
      expect(text).toContain(squash(L.money(committed)));
      expect(text).toContain(lang === 'fr' ? 'Sommet des Chefs d’État de l’AES' : 'Summit of the AES Heads of State');
      expect(text).toContain(lang === 'fr' ? 'Autoroute transsahélienne' : 'Autoroute transsahélienne');
    }
  });

  it('PDFs are byte-identical when printed again', async () => {
    const again = await renderPacket(results, { lang: 'en', pdf: true, date: '2025-12-22', inputs: FIXTURE_INPUTS, dataSource: 'Données de test', csvDialect: 'fr' });
    const a = file('dossier-en.pdf').bytes;
    const b = again.find((f) => f.path === 'dossier-en.pdf')!.bytes;
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  }, 120_000);

  it('screenshots of the HTML are not blank in fr, en and ar; the Arabic page is right to left', async () => {
    for (const lang of ['fr', 'en', 'ar']) {
      const html = new TextDecoder().decode(file(`dossier-${lang}.html`).bytes);
      const png = await printer.screenshot(html, { width: 900, height: 1200 });
      writeFileSync(join(dir, `shot-${lang}.png`), png);
      const { loadImage, createCanvas } = await import('canvas');
      const img = await loadImage(Buffer.from(png));
      const c = createCanvas(img.width, img.height);
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, img.width, img.height).data;
      let ink = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! < 200 && d[i + 1]! < 200) ink++;
      expect(ink / (img.width * img.height), lang).toBeGreaterThan(0.02);
      const direction = await printer.evaluate<string[]>(html, '[document.documentElement.dir, getComputedStyle(document.body).direction, document.documentElement.lang]');
      expect(direction).toEqual(lang === 'ar' ? ['rtl', 'rtl', 'ar'] : ['ltr', 'ltr', lang]);
    }
    expect(printer.blockedRequests).toEqual([]);
  });

  it('the Arabic cover text is shaped Arabic, with the title and the section names', async () => {
    const html = new TextDecoder().decode(file('dossier-ar.html').bytes);
    const h1 = await printer.evaluate<string>(html, 'document.querySelector("h1").textContent');
    expect(h1).toContain('ملف تمويل البنك');
    const align = await printer.evaluate<string>(html, 'getComputedStyle(document.querySelector("h2")).textAlign');
    expect(['start', 'right']).toContain(align);
  });

  it('an external reference in a document would be blocked, not fetched', async () => {
    const before = printer.blockedRequests.length;
    await printer.evaluate('<html><body><img src="http://example.invalid/x.png"></body></html>', '1');
    expect(printer.blockedRequests.length).toBe(before + 1);
  });
});

describe('Chromium discovery', () => {
  it('prefers BCID_CHROMIUM, and says how to install Chromium when it is missing', () => {
    expect(findChromium({ BCID_CHROMIUM: '/opt/c' }, (p) => p === '/opt/c')).toBe('/opt/c');
    expect(findChromium({}, (p) => p === '/usr/bin/chromium')).toBe('/usr/bin/chromium');
    expect(findChromium({}, () => true)).toBe('/usr/lib/chromium/chromium');
    expect(() => findChromium({}, () => false)).toThrow(ChromiumMissingError);
    expect(() => findChromium({ BCID_CHROMIUM: '/nope' }, () => false)).toThrow(/install it: apt-get install chromium/);
  });
});
