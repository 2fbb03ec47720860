/**
 * The report packet of a run: every file `bcid run` writes besides results.json and
 * the manifest (which the CLI writes). Pure in its result: the same results and
 * options give the same bytes. Nothing is written to disk here; the caller writes
 * the returned files atomically.
 *
 *   tables/<id>.csv                       one per table, in the chosen CSV dialect
 *   charts/<id>.png, charts/<id>.svg      the dossier charts, in the main language
 *   bcid-<scenario>.xlsx                  the workbook
 *   dossier-<lang>.html, dossier-<lang>.pdf
 */
import type { RunResults } from '../model/results.js';
import type { InputDescription } from '../report/context.js';
import { buildDossier, dossierCharts, inputsTable, keyFiguresTable, type RiskSectionInput } from '../report/dossier.js';
import type { Lang } from '../report/i18n/index.js';
import { keyFigures } from '../report/key-figures.js';
import { createLocale } from '../report/locale.js';
import { parametersTable } from '../report/parameters.js';
import type { TableSpec } from '../report/table.js';
import { buildTables } from '../report/tables.js';
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

export interface PacketOptions {
  /** Main language: tables, workbook, chart files and the first dossier. */
  readonly lang: Lang;
  /** Further dossier languages (the main one is always included). */
  readonly langs?: readonly Lang[];
  /** Print the dossiers to PDF (needs Chromium). */
  readonly pdf: boolean;
  /** ISO date (YYYY-MM-DD) for the cover, the workbook and every file timestamp. */
  readonly date: string;
  readonly inputs: readonly InputDescription[];
  /** Named in every chart footer. */
  readonly dataSource: string;
  readonly csvDialect: CsvDialect;
  readonly toolVersion?: string;
  /**
   * Optional dossier sections filled by other modules (stress tests: issue 5). The risk
   * section may be given per language (its tables and charts are built in the language).
   */
  readonly sections?: { readonly risk?: RiskSectionInput | ((lang: Lang) => RiskSectionInput | null) };
  /** Chromium to use instead of the one `findChromium` finds. */
  readonly chromiumPath?: string;
}

export type DossierOptions = Omit<PacketOptions, 'csvDialect'>;

function languages(options: { lang: Lang; langs?: readonly Lang[] }): Lang[] {
  return [...new Set([options.lang, ...(options.langs ?? [])])];
}

/** The data tables of the packet, in the main language: CSV files and workbook sheets. */
export function packetTables(results: RunResults, options: Pick<PacketOptions, 'lang' | 'inputs'>): TableSpec[] {
  const L = createLocale(options.lang);
  return [
    keyFiguresTable(keyFigures(results, L), L),
    ...buildTables(results, L),
    parametersTable(results, L),
    inputsTable(options.inputs, L),
  ];
}

async function dossierFiles(
  results: RunResults,
  options: DossierOptions,
  renderer: ChartRenderer,
  printer: PdfPrinter | null,
  chartFiles: boolean,
): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const lang of languages(options)) {
    const given = options.sections?.risk;
    const risk = typeof given === 'function' ? given(lang) : given;
    const dossier = buildDossier(results, {
      lang,
      date: options.date,
      dataSource: options.dataSource,
      inputs: options.inputs,
      ...(options.toolVersion !== undefined ? { toolVersion: options.toolVersion } : {}),
      ...(risk ? { sections: { risk } } : {}),
    });
    const images = new Map<string, ChartImage>();
    const specs = dossierCharts(dossier);
    // Drawing is synchronous, but PNG encoding runs on libuv's thread pool: start them all, then collect in order.
    const pngs = await Promise.all(specs.map((spec) => renderer.png(spec)));
    specs.forEach((spec, i) => {
      if (images.has(spec.id)) throw new Error(`two charts of the dossier share the id "${spec.id}"`);
      const png = pngs[i]!;
      images.set(spec.id, { mime: 'image/png', bytes: png });
      if (chartFiles && lang === options.lang) {
        files.push({ path: `charts/${spec.id}.png`, bytes: png });
        files.push({ path: `charts/${spec.id}.svg`, bytes: renderer.svg(spec) });
      }
    });
    const html = renderDossierHtml(dossier, images);
    files.push({ path: `dossier-${lang}.html`, bytes: new TextEncoder().encode(html) });
    if (printer) files.push({ path: `dossier-${lang}.pdf`, bytes: normalisePdf(await printer.pdf(html), options.date) });
  }
  return files;
}

/**
 * Every output file of a run except results.json and the manifest. Throws
 * `ChromiumMissingError` (with the apt-get command) when `pdf` is set and Chromium
 * cannot be found; the CLI's `--no-pdf` sets `pdf: false`.
 */
export async function renderPacket(results: RunResults, options: PacketOptions): Promise<OutputFile[]> {
  const L = createLocale(options.lang);
  const tables = packetTables(results, options);
  const files: OutputFile[] = tables.map((t) => ({ path: `tables/${t.id}.csv`, bytes: renderCsv(t, options.csvDialect, L) }));
  files.push({
    path: `bcid-${results.scenario.name}.xlsx`,
    bytes: await renderXlsx(
      tables,
      {
        scenario: results.scenario.name,
        date: options.date,
        inputs: options.inputs,
        ...(options.toolVersion !== undefined ? { toolVersion: options.toolVersion } : {}),
      },
      L,
    ),
  });
  const renderer = createChartRenderer();
  const printer = options.pdf ? await createPdfPrinter(options.chromiumPath ? { executablePath: options.chromiumPath } : {}) : null;
  try {
    files.push(...(await dossierFiles(results, options, renderer, printer, true)));
  } finally {
    await printer?.close();
  }
  return files;
}

/** Only the dossiers (HTML, and PDF when asked): what `bcid dossier --lang` re-renders from results.json. */
export async function renderDossier(results: RunResults, options: DossierOptions): Promise<OutputFile[]> {
  const renderer = createChartRenderer();
  const printer = options.pdf ? await createPdfPrinter(options.chromiumPath ? { executablePath: options.chromiumPath } : {}) : null;
  try {
    return await dossierFiles(results, options, renderer, printer, false);
  } finally {
    await printer?.close();
  }
}
