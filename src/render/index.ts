/**
 * Renderers: tables, chart specs and the dossier to text, CSV, XLSX, PNG/SVG, HTML
 * and PDF. Importing this loads canvas (charts); the CLI should import it lazily.
 * Nothing here writes files: every function returns bytes or strings.
 */
export { renderPacket, renderDossier, type DossierRenderOptions, type OutputFile, type PacketRenderOptions } from './packet.js';
export { renderCsv, csvText, neutraliseFormula, type CsvDialect } from './csv.js';
export { renderXlsx, type WorkbookMeta } from './xlsx.js';
export { renderTextTable, type TextTableOptions } from './text-table.js';
export { renderSummary } from './summary.js';
export { renderDossierHtml, escapeHtml, type ChartImage } from './html.js';
export { createChartRenderer, toChartJsConfig, type ChartRenderer } from './chart.js';
export {
  ChromiumMissingError,
  CHROMIUM_ARGS,
  createPdfPrinter,
  findChromium,
  hasChromium,
  normalisePdf,
  type PdfPrinter,
  type PdfPrinterOptions,
  type ScreenshotOptions,
} from './pdf.js';
