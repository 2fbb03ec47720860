import path from 'node:path';
import { Option, type Command } from 'commander';
import type { CliIo } from '../io.js';
import { UsageFailure } from '../failures.js';
import { resolvePaths } from '../context.js';
import { parseLangs } from './run.js';
import { fileWriter, loadAndRun } from './risk.js';
import type { Lang } from '../../report/i18n/index.js';
import type { RunResults } from '../../model/results.js';
import type { LoadedRun } from '../../io/load-run-inputs.js';

/**
 * `bcid compare A B [C…]`: runs each scenario (stress scenarios on their own
 * allocation, held fixed) and shows the key indicators side by side. Writes
 * reports/compare-A-B…/ (or --out): comparison.json, comparison.csv,
 * comparison-by-year.csv, a workbook and the comparison charts; and
 * reports/A/risk/comparison.json, from which the dossier of A gets its
 * "risks and stress tests" section.
 */

interface CompareFlags {
  out?: string;
  lang: Lang[];
  csvDialect: 'rfc' | 'fr';
  charts: boolean;
  allowOutside: boolean;
  quiet: boolean;
}

export function registerCompare(program: Command, io: CliIo): void {
  program
    .command('compare')
    .description('run scenarios and compare their key indicators: table, CSV, workbook, charts; feeds the dossier’s stress-test section')
    .argument('<scenarios...>', 'two or more scenario names; the first is the reference')
    .option('--out <dir>', 'report folder (default: reports/compare-<A>-<B>…)')
    .option('--lang <langs>', 'language of the files and charts: fr, en or ar (the first is used)', parseLangs, ['fr'])
    .addOption(new Option('--csv-dialect <dialect>', 'CSV for French Excel: ; and decimal commas').choices(['rfc', 'fr']).default('rfc'))
    .option('--no-charts', 'skip the PNG/SVG charts')
    .option('--allow-outside', 'allow data and output paths outside the project folders', false)
    .option('-q, --quiet', 'print nothing but errors', false)
    .action(async (names: string[], flags: CompareFlags, command: Command) => {
      if (names.length < 2) throw new UsageFailure('compare needs at least two scenarios, e.g. `bcid compare baseline stress-rates`');
      const paths = resolvePaths(command, io);
      const runs: RunResults[] = [];
      const loadedRuns: LoadedRun[] = [];
      for (const name of names) {
        const { loaded, run } = await loadAndRun(name, paths, io, { allowOutside: flags.allowOutside, quiet: flags.quiet });
        const { assertChecks } = await import('../../model/checks.js');
        assertChecks(run.results.checks);
        runs.push(run.results);
        loadedRuns.push(loaded);
      }
      const { compareRuns } = await import('../../risk/compare.js');
      const comparison = compareRuns(runs);
      const { resolveOutputDir, OutputDirError } = await import('../../io/output-dir.js');
      let outDir: string;
      let referenceDir: string;
      const folder = compareFolder(runs.map((r) => r.scenario.name));
      try {
        outDir = resolveOutputDir(paths, flags.out, folder, flags.allowOutside);
        referenceDir = resolveOutputDir(paths, undefined, comparison.reference, false);
      } catch (e) {
        if (e instanceof OutputDirError) throw new UsageFailure(e.message);
        throw e;
      }
      const json = `${JSON.stringify(comparison, null, 2)}\n`;
      const writer = await fileWriter(outDir);
      writer.write('comparison.json', json);
      const { createLocale } = await import('../../report/locale.js');
      const t = await import('../../report/risk/tables.js');
      const { renderCsv } = await import('../../render/csv.js');
      const { renderXlsx } = await import('../../render/xlsx.js');
      const { describeInputs } = await import('../input-descriptions.js');
      const { VERSION } = await import('../version.js');
      const L = createLocale(flags.lang[0] ?? 'fr');
      const data = t.comparisonDataTable(comparison, L);
      const series = t.comparisonSeriesTable(comparison, L);
      writer.write('comparison.csv', renderCsv(data, flags.csvDialect, L));
      writer.write('comparison-by-year.csv', renderCsv(series, flags.csvDialect, L));
      const date = runs[0]!.scenario.reportDate ?? io.now().toISOString().slice(0, 10);
      const inputs = describeInputs(uniqueFiles(loadedRuns));
      writer.write(`${folder}.xlsx`, await renderXlsx([t.comparisonTable(comparison, L), data, series], { scenario: folder, date, inputs, toolVersion: VERSION }, L));
      if (flags.charts) {
        const { riskChartContext } = await import('../../report/risk/section.js');
        const { COMPARISON_CHARTS, comparisonChart } = await import('../../report/charts/comparison.js');
        const { createChartRenderer } = await import('../../render/chart.js');
        const { DATA_SOURCE } = await import('./run-execute.js');
        const ctx = riskChartContext(L, runs.map((r) => r.scenario.name).join(', '), DATA_SOURCE);
        const renderer = createChartRenderer();
        for (const which of COMPARISON_CHARTS) {
          const spec = comparisonChart(comparison, which, ctx);
          writer.write(`charts/${spec.id}.png`, await renderer.png(spec));
          writer.write(`charts/${spec.id}.svg`, renderer.svg(spec));
        }
      }
      const { writeFileAtomic } = await import('../../io/atomic-write.js');
      const { MANIFEST_FILE } = await import('../../io/manifest.js');
      const { gitCommit } = await import('../../io/git-commit.js');
      const manifest = {
        tool: 'bcid-aes',
        version: VERSION,
        scenario: folder,
        seed: runs[0]!.scenario.seed,
        gitCommit: gitCommit(paths.root),
        createdAt: io.now().toISOString(),
        inputs: uniqueFiles(loadedRuns).map((f) => ({ path: f.path, sha256: f.sha256, role: f.role })),
        outputs: [...writer.written].sort((a, b) => a.path.localeCompare(b.path)),
      };
      writeFileAtomic(path.join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
      // The reference scenario's dossier shows the comparison in its risk section.
      writeFileAtomic(path.join(referenceDir, 'risk', 'comparison.json'), json);
      if (!flags.quiet) {
        io.stdout(await compareText(comparison));
        io.stdout(`\nComparison: ${path.relative(io.cwd, outDir) || '.'}/ (${writer.written.length + 1} files); dossier of ${comparison.reference}: ${path.relative(io.cwd, path.join(referenceDir, 'risk', 'comparison.json'))}\n`);
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

function uniqueFiles(runs: readonly LoadedRun[]): LoadedRun['files'][number][] {
  const seen = new Map<string, LoadedRun['files'][number]>();
  for (const r of runs) for (const f of r.files) if (!seen.has(f.path)) seen.set(f.path, f);
  return [...seen.values()];
}

/** The terminal table: indicators down, scenarios across, in English like `bcid run`'s summary. */
export async function compareText(c: import('../../risk/compare.js').ComparisonResults): Promise<string> {
  const { createLocale } = await import('../../report/locale.js');
  const { comparisonTable } = await import('../../report/risk/tables.js');
  const { renderTextTable } = await import('../../render/text-table.js');
  const L = createLocale('en');
  return renderTextTable(comparisonTable(c, L), L, { maxColumnWidth: 64 });
}
