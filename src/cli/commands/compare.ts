import path from 'node:path';
import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { UsageFailure } from '../failures.js';
import { resolvePaths } from '../context.js';
import { allowOutsideOption, csvDialectOption, langOption, mainLang, quietOption, type PacketFlags } from '../common-flags.js';
import { loadAndRun } from '../load.js';
import { outputFolder } from '../output-folder.js';
import { PacketWriter, dataSource, uniqueInputs } from '../packet-writer.js';
import { writeCharts } from '../risk-output.js';
import type { InputFile } from '../../io/load-run-inputs.js';
import { createLocale } from '../../report/locale.js';
import { riskChartContext } from '../../report/risk/section.js';
import { comparisonDataTable, comparisonSeriesTable, comparisonTable } from '../../report/risk/tables.js';
import { COMPARISON_CHARTS, comparisonChart } from '../../report/charts/comparison.js';
import { renderCsv } from '../../render/csv.js';
import { renderSummary } from '../../render/summary.js';
import { compareSummarySpec } from '../../report/summaries/compare.js';
import { compareRuns, type ComparisonResults } from '../../risk/compare.js';
import type { RunResults } from '../../model/results.js';
import { describeInputs } from '../input-descriptions.js';
import { VERSION } from '../version.js';

/**
 * `bcid compare A B [C…]`: runs each scenario (stress scenarios on their own
 * allocation, held fixed) and shows the key indicators side by side. Writes
 * reports/compare-A-B…/ (or --out): comparison.json, comparison.csv,
 * comparison-by-year.csv, a workbook and the comparison charts, with their
 * manifest. It feeds no other packet: a dossier's stress tests are the ones its
 * scenario names (`dossier.stresses`), computed by `bcid run`.
 */

interface CompareFlags extends PacketFlags {
  charts: boolean;
}

export function registerCompare(program: Command, io: CliIo): void {
  program
    .command('compare')
    .description('run scenarios and compare their key indicators: table, CSV, workbook, charts')
    .argument('<scenarios...>', 'two or more scenario names; the first is the reference')
    .option('--out <dir>', 'report folder (default: reports/compare-<A>-<B>…)')
    .addOption(langOption('language of the files and charts: fr, en or ar (the first is used)'))
    .addOption(csvDialectOption())
    .option('--no-charts', 'skip the PNG/SVG charts')
    .addOption(allowOutsideOption())
    .addOption(quietOption())
    .action(async (names: string[], flags: CompareFlags, command: Command) => {
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
      const writer = new PacketWriter(outDir);
      writer.write('comparison.json', json);
      const L = createLocale(mainLang(flags.lang));
      const data = comparisonDataTable(comparison, L);
      const series = comparisonSeriesTable(comparison, L);
      writer.write('comparison.csv', renderCsv(data, flags.csvDialect, L));
      writer.write('comparison-by-year.csv', renderCsv(series, flags.csvDialect, L));
      const date = runs[0]!.scenario.reportDate ?? io.now().toISOString().slice(0, 10);
      const { renderXlsx } = await import('../../render/xlsx.js');
      writer.write(`${folder}.xlsx`, await renderXlsx([comparisonTable(comparison, L), data, series], { scenario: folder, date, inputs: describeInputs(inputs), toolVersion: VERSION }, L));
      if (flags.charts) {
        const ctx = riskChartContext(L, runs.map((r) => r.scenario.name).join(', '), dataSource(inputs));
        await writeCharts(writer, COMPARISON_CHARTS.map((which) => comparisonChart(comparison, which, ctx)));
      }
      writer.finish({ scenario: folder, seed: runs[0]!.scenario.seed, inputs }, paths, io);
      if (!flags.quiet) {
        io.stdout(compareText(comparison));
        io.stdout(`\nComparison: ${path.relative(io.cwd, outDir) || '.'}/ (${writer.written.length + 1} files)\n`);
      }
    });
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
