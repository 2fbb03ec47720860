/**
 * The report packet drawn: every file `bcid run` writes besides results.json,
 * the results CSV files and the manifest (which the CLI writes). Pure in its
 * result: the same specs and options give the same bytes. Nothing is written to
 * disk here; the caller writes the returned files atomically.
 *
 *   tables/<id>.csv                       one per table, in the chosen CSV dialect
 *   charts/<id>.png, charts/<id>.svg      the dossier charts, in the main language
 *   bcid-<scenario>.xlsx                  the workbook
 *   dossier-<lang>.html, dossier-<lang>.pdf
 */
import type { InputDescription } from '../report/context.js';
import { dossierCharts, type Dossier } from '../report/dossier.js';
import { createLocale } from '../report/locale.js';
import type { PacketSpec } from '../report/packet.js';
import { createChartRenderer, type ChartRenderer } from './chart.js';
import { renderCsv, type CsvDialect } from './csv.js';
import { renderDossierHtml, type ChartImage } from './html.js';
import { createPdfPrinter, normalisePdf, type PdfPrinter } from './pdf.js';
import { renderXlsx } from './xlsx.js';

export interface OutputFile {
  /** Path relative to the report folder, with forward slashes. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface DossierRenderOptions {
  /** Print the dossiers to PDF (needs Chromium). */
  readonly pdf: boolean;
  /** ISO date (YYYY-MM-DD) of every file timestamp. */
  readonly date: string;
  /** Chromium to use instead of the one `findChromium` finds. */
  readonly chromiumPath?: string;
}

export interface PacketRenderOptions extends DossierRenderOptions {
  readonly csvDialect: CsvDialect;
  /** Listed on the workbook's cover sheet. */
  readonly inputs: readonly InputDescription[];
  readonly toolVersion?: string;
}

async function dossierFiles(
  dossiers: readonly Dossier[],
  options: DossierRenderOptions,
  renderer: ChartRenderer,
  printer: PdfPrinter | null,
  chartFiles: boolean,
): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  dossiers.forEach((d, i) => {
    if (dossiers.findIndex((o) => o.lang === d.lang) !== i) throw new Error(`two dossiers in ${d.lang}`);
  });
  for (const [index, dossier] of dossiers.entries()) {
    const images = new Map<string, ChartImage>();
    const specs = dossierCharts(dossier);
    // Drawing is synchronous, but PNG encoding runs on libuv's thread pool: start them all, then collect in order.
    const pngs = await Promise.all(specs.map((spec) => renderer.png(spec)));
    specs.forEach((spec, i) => {
      if (images.has(spec.id)) throw new Error(`two charts of the dossier share the id "${spec.id}"`);
      const png = pngs[i]!;
      images.set(spec.id, { mime: 'image/png', bytes: png });
      if (chartFiles && index === 0) {
        files.push({ path: `charts/${spec.id}.png`, bytes: png });
        files.push({ path: `charts/${spec.id}.svg`, bytes: renderer.svg(spec) });
      }
    });
    const html = renderDossierHtml(dossier, images);
    files.push({ path: `dossier-${dossier.lang}.html`, bytes: new TextEncoder().encode(html) });
    if (printer) files.push({ path: `dossier-${dossier.lang}.pdf`, bytes: normalisePdf(await printer.pdf(html), options.date) });
  }
  return files;
}

async function withPrinter<T>(options: DossierRenderOptions, draw: (printer: PdfPrinter | null) => Promise<T>): Promise<T> {
  const printer = options.pdf ? await createPdfPrinter(options.chromiumPath ? { executablePath: options.chromiumPath } : {}) : null;
  try {
    return await draw(printer);
  } finally {
    await printer?.close();
  }
}

/**
 * Every file of the packet's spec. Throws `ChromiumMissingError` (with the apt-get
 * command) when `pdf` is set and Chromium cannot be found; the CLI's `--no-pdf`
 * sets `pdf: false`.
 */
export async function renderPacket(spec: PacketSpec, options: PacketRenderOptions): Promise<OutputFile[]> {
  const L = createLocale(spec.lang);
  const files: OutputFile[] = spec.tables.map((t) => ({ path: `tables/${t.id}.csv`, bytes: renderCsv(t, options.csvDialect, L) }));
  files.push({
    path: `bcid-${spec.scenario}.xlsx`,
    bytes: await renderXlsx(
      spec.tables,
      { scenario: spec.scenario, date: options.date, inputs: options.inputs, ...(options.toolVersion !== undefined ? { toolVersion: options.toolVersion } : {}) },
      L,
    ),
  });
  const renderer = createChartRenderer();
  files.push(...(await withPrinter(options, (printer) => dossierFiles(spec.dossiers, options, renderer, printer, true))));
  return files;
}

/** Only the dossiers (HTML, and PDF when asked): what `bcid dossier --lang` re-renders from results.json. */
export async function renderDossier(dossiers: readonly Dossier[], options: DossierRenderOptions): Promise<OutputFile[]> {
  const renderer = createChartRenderer();
  return withPrinter(options, (printer) => dossierFiles(dossiers, options, renderer, printer, false));
}
