/**
 * The files of `bcid risk` besides montecarlo.json: the risk tables as CSV and a
 * workbook, the fan and tornado charts; and its terminal summary.
 */
import type { InputFile } from '../io/load-run-inputs.js';
import type { Lang } from '../report/i18n/index.js';
import { createLocale } from '../report/locale.js';
import { riskChartContext } from '../report/risk/section.js';
import { breachesTable, defaultsTable, fanTable, lossTable, tornadoTable } from '../report/risk/tables.js';
import { fanChart } from '../report/charts/fan.js';
import { tornadoChart } from '../report/charts/tornado.js';
import type { ChartSpec } from '../report/charts/spec.js';
import { renderCsv, type CsvDialect } from '../render/csv.js';
import type { RiskResults } from '../risk/results.js';
import { describeInputs } from './input-descriptions.js';
import type { PacketWriter } from './packet-writer.js';
import { VERSION } from './version.js';

export async function writeRiskTables(writer: PacketWriter, results: RiskResults, options: { lang: Lang; csvDialect: CsvDialect; date: string; inputs: readonly InputFile[] }): Promise<void> {
  const L = createLocale(options.lang);
  const tables = [breachesTable(results, L), lossTable(results, L), fanTable(results, L), tornadoTable(results, L), defaultsTable(results, L)];
  for (const table of tables) writer.write(`tables/${table.id}.csv`, renderCsv(table, options.csvDialect, L));
  const { renderXlsx } = await import('../render/xlsx.js');
  const scenario = results.scenario;
  writer.write(`bcid-${scenario}-risk.xlsx`, await renderXlsx(tables, { scenario, date: options.date, inputs: describeInputs(options.inputs), toolVersion: VERSION }, L));
}

export function riskCharts(results: RiskResults, lang: Lang, dataSource: string): ChartSpec[] {
  const ctx = riskChartContext(createLocale(lang), results.scenario, dataSource);
  return [...(['equityToLoans', 'liquidityMonths', 'equity', 'creditLosses'] as const).map((m) => fanChart(results, m, ctx)), tornadoChart(results, ctx)];
}

/** PNG and SVG of each chart under charts/. */
export async function writeCharts(writer: PacketWriter, specs: readonly ChartSpec[]): Promise<void> {
  // Canvas loads only when charts are drawn.
  const { createChartRenderer } = await import('../render/chart.js');
  const renderer = createChartRenderer();
  for (const spec of specs) {
    writer.write(`charts/${spec.id}.png`, await renderer.png(spec));
    writer.write(`charts/${spec.id}.svg`, renderer.svg(spec));
  }
}
