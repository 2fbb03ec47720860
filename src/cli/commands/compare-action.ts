import path from 'node:path';
import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { UsageFailure } from '../failures.js';
import { resolvePaths } from '../context.js';
import { mainLang, type PacketFlags } from '../common-flags.js';
import { loadAndRun } from '../load.js';
import { outputFolder } from '../output-folder.js';
import { dataSource, uniqueInputs, withPacket } from '../packet-writer.js';
import { writeCharts } from '../risk-output.js';
import type { InputFile } from '../../io/load-run-inputs.js';
import { createLocale } from '../../report/locale.js';
import { riskChartContext } from '../../report/risk/section.js';
import { comparisonDataTable, comparisonSeriesTable, comparisonTable } from '../../report/risk/tables.js';
import { COMPARISON_CHARTS, comparisonChart } from '../../report/charts/comparison.js';
import { renderCsv } from '../../render/csv.js';
import { renderXlsx } from '../../render/xlsx.js';
import { renderSummary } from '../../render/summary.js';
import { compareSummarySpec } from '../../report/summaries/compare.js';
import { compareRuns, type ComparisonResults } from '../../risk/compare.js';
import type { RunResults } from '../../model/results.js';
import { describeInputs } from '../input-descriptions.js';
import { VERSION } from '../version.js';

export interface CompareFlags extends PacketFlags {
  charts: boolean;
}

export async function compareAction(names: string[], flags: CompareFlags, command: Command, io: CliIo): Promise<void> {
  if (names.length < 2) throw new UsageFailure('compare needs at least two scenarios, e.g. `bcid compare baseline stress-rates`');
  const paths = resolvePaths(command, io);
  const runs: RunResults[] = [];
  const files: (readonly InputFile[])[] = [];
  for (const name of names) {
    const run = await loadAndRun(name, paths, io, flags);
    runs.push(run.results);
    files.push(run.loaded.files);
  }
  const comparison = compareRuns(runs);
  const folder = compareFolder(runs.map((r) => r.scenario.name));
  const outDir = outputFolder(paths, flags.out, folder, flags.allowOutside);
  const inputs = uniqueInputs(files);
  const json = `${JSON.stringify(comparison, null, 2)}\n`;
  // All or nothing (issue 12): built in a staging folder and swapped in under the packet's lock.
  const count = await withPacket(outDir, paths, inputs, async (writer) => {
    writer.write('comparison.json', json);
    const L = createLocale(mainLang(flags.lang));
    const data = comparisonDataTable(comparison, L);
    const series = comparisonSeriesTable(comparison, L);
    writer.write('comparison.csv', renderCsv(data, flags.csvDialect, L));
    writer.write('comparison-by-year.csv', renderCsv(series, flags.csvDialect, L));
    const date = runs[0]!.scenario.reportDate ?? io.now().toISOString().slice(0, 10);
    writer.write(`${folder}.xlsx`, await renderXlsx([comparisonTable(comparison, L), data, series], { scenario: folder, date, inputs: describeInputs(inputs), toolVersion: VERSION }, L));
    if (flags.charts) {
      const ctx = riskChartContext(L, runs.map((r) => r.scenario.name).join(', '), dataSource(inputs));
      await writeCharts(writer, COMPARISON_CHARTS.map((which) => comparisonChart(comparison, which, ctx)));
    }
    writer.finish({ scenario: folder, seed: runs[0]!.scenario.seed, inputs }, paths, io);
    return writer.written.length;
  });
  if (!flags.quiet) {
    io.stdout(compareText(comparison));
    io.stdout(`\nComparison: ${path.relative(io.cwd, outDir) || '.'}/ (${count + 1} files)\n`);
  }
}

/** reports/compare-A-B…; with many or long names, compare-A-and-N-more-<hash of the list> (stable for the same list). */
export function compareFolder(names: readonly string[]): string {
  const all = `compare-${names.join('-')}`;
  if (all.length <= 80) return all;
  let h = 0x811c9dc5;
  for (const ch of names.join('\n')) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return `compare-${names[0]}-and-${names.length - 1}-more-${h.toString(16).padStart(8, '0')}`;
}

/** The terminal table: indicators down, scenarios across, in English like `bcid run`'s summary. */
export function compareText(c: ComparisonResults): string {
  const L = createLocale('en');
  return renderSummary(compareSummarySpec(c, L), L);
}
