import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { CliIo } from '../io.js';
import { InputFailure, UsageFailure } from '../failures.js';
import { resolvePaths } from '../context.js';
import { numberFlag } from '../parse-flags.js';
import { capWorkers } from '../worker-cap.js';
import { parseLangs } from './run.js';
import type { ProjectPaths } from '../../io/project-paths.js';
import type { LoadedRun } from '../../io/load-run-inputs.js';
import type { DetailedRun } from '../../model/run.js';
import type { InputData } from '../../schema/records.js';
import type { ManifestEntry } from '../../io/manifest.js';
import type { RiskSectionInput } from '../../report/dossier.js';
import type { Lang } from '../../report/i18n/index.js';
import type { RiskPerformance, RiskResults } from '../../risk/results.js';
import type { ComparisonResults } from '../../risk/compare.js';

/**
 * `bcid risk [scenario]`: the seeded Monte Carlo of the scenario's allocation,
 * held fixed (src/risk/README.md). Writes reports/<scenario>/risk/: montecarlo.json
 * (deterministic for a seed, whatever --workers), performance.json (timings, peak
 * memory), CSV tables, a workbook, fan and tornado charts and a manifest. The next
 * `bcid run` or `bcid dossier` of the scenario puts them in the dossier.
 */

interface RiskFlags {
  paths?: string;
  seed?: string;
  workers?: string;
  out?: string;
  lang: Lang[];
  csvDialect: 'rfc' | 'fr';
  allowOutside: boolean;
  quiet: boolean;
  json: boolean;
  charts: boolean;
}

/** A scenario loaded, checked and run (paid-in delays applied), as `bcid run` does it; diagnostics printed. */
export async function loadAndRun(
  scenarioArg: string,
  paths: ProjectPaths,
  io: CliIo,
  options: { allowOutside: boolean; quiet: boolean; beforeRun?: (loaded: LoadedRun) => void },
): Promise<{ loaded: LoadedRun; inputs: InputData; run: DetailedRun }> {
  const { loadCheckedInputs } = await import('../load-checked-inputs.js');
  const { formatDiagnostics } = await import('../../diagnostics/format.js');
  const loaded = await loadCheckedInputs(scenarioArg, paths, { allowOutside: options.allowOutside });
  if (loaded.diagnostics.length > 0 && !options.quiet) io.stderr(`${formatDiagnostics(loaded.diagnostics)}\n\n`);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || loaded.value === null) {
    io.stderr(`${scenarioArg}: invalid input, nothing was run (${errors.length} error${errors.length === 1 ? '' : 's'}); see \`bcid validate ${scenarioArg}\`\n`);
    throw new InputFailure(errors);
  }
  const { delayPaidIn } = await import('../../shocks/paid-in-delay.js');
  const { runModelDetailed } = await import('../../model/run.js');
  options.beforeRun?.(loaded.value);
  const scenario = loaded.value.resolved.scenario;
  const inputs = { ...loaded.value.inputs, contributions: delayPaidIn(loaded.value.inputs.contributions, scenario.funding.paidInDelayYears ?? {}) };
  try {
    const run = await runModelDetailed(inputs, scenario);
    return { loaded: loaded.value, inputs, run };
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'AllocationInfeasible' || name === 'ScoringError') {
      io.stderr(`${scenario.name}: ${(e as Error).message}; see \`bcid run ${scenario.name}\`\n`);
      throw new InputFailure([]);
    }
    throw e;
  }
}

/** Writes files atomically into `dir` and keeps their manifest entries. */
export async function fileWriter(dir: string): Promise<{ write: (relative: string, bytes: Uint8Array | string) => void; written: ManifestEntry[] }> {
  const { writeFileAtomic } = await import('../../io/atomic-write.js');
  const { sha256 } = await import('../../io/hash.js');
  const written: ManifestEntry[] = [];
  return {
    written,
    write(relative, bytes) {
      writeFileAtomic(path.join(dir, relative), bytes);
      const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
      written.push({ path: relative, sha256: sha256(buffer), bytes: buffer.length });
    },
  };
}

/**
 * The dossier's risk section for a scenario, from the files `bcid compare` and
 * `bcid risk` left in <report folder>/risk/ (comparison.json, montecarlo.json);
 * undefined when there are none. Used by `bcid run` and `bcid dossier`.
 */
export async function riskSectionFor(reportDir: string, scenario: string, dataSource: string): Promise<((lang: Lang) => RiskSectionInput | null) | undefined> {
  const read = <T extends { kind: string }>(file: string, kind: string): T | undefined => {
    const f = path.join(reportDir, 'risk', file);
    if (!existsSync(f)) return undefined;
    try {
      const value = JSON.parse(readFileSync(f, 'utf8')) as T;
      return value.kind === kind ? value : undefined;
    } catch {
      return undefined;
    }
  };
  const montecarlo = read<RiskResults>('montecarlo.json', 'bcid-risk');
  const comparison = read<ComparisonResults>('comparison.json', 'bcid-compare');
  const mc = montecarlo?.scenario === scenario ? montecarlo : undefined;
  const cmp = comparison?.reference === scenario ? comparison : undefined;
  if (mc === undefined && cmp === undefined) return undefined;
  const { riskSection } = await import('../../report/risk/section.js');
  return (lang) => riskSection({ scenario, dataSource, ...(mc ? { montecarlo: mc } : {}), ...(cmp ? { comparison: cmp } : {}) }, lang);
}

export function registerRisk(program: Command, io: CliIo): void {
  program
    .command('risk')
    .description('seeded Monte Carlo of the bank on the scenario’s allocation: fan charts, limit-breach probabilities, credit-loss VaR/CVaR, sensitivities')
    .argument('[scenario]', 'scenario name (scenarios/<name>.yaml)', 'baseline')
    .option('--paths <n>', 'number of paths (default: the scenario’s risk.paths, else 10,000)')
    .option('--seed <n>', 'seed of the random streams (default: the scenario’s seed)')
    .option('--workers <k>', 'computing threads: 1 is this thread alone, k ≥ 2 are k worker threads (default: 1 below 10,000 paths, where threads cost more than they save; else the cores available, at most 8)')
    .option('--out <dir>', 'folder for the risk files (default: reports/<scenario>/risk)')
    .option('--lang <langs>', 'language of the tables and charts: fr, en or ar (the first is used)', parseLangs, ['fr'])
    .addOption(new Option('--csv-dialect <dialect>', 'CSV for French Excel: ; and decimal commas').choices(['rfc', 'fr']).default('rfc'))
    .option('--no-charts', 'skip the PNG/SVG charts')
    .option('--json', 'print the summary and the performance as JSON on stdout', false)
    .option('--allow-outside', 'allow data and output paths outside the project folders', false)
    .option('-q, --quiet', 'print nothing but errors (no progress bar)', false)
    .action(async (scenarioArg: string, flags: RiskFlags, command: Command) => {
      const started = performance.now();
      // Wall time of each phase, for performance.json: what dominates a run (docs/performance.md).
      const phases: Record<keyof RiskPerformance['phaseSeconds'], number> = { loadAndAllocate: 0, prepare: 0, simulate: 0, summarise: 0, write: 0 };
      let phaseStart = started;
      const phase = (name: keyof RiskPerformance['phaseSeconds']) => {
        const now = performance.now();
        phases[name] = round((now - phaseStart) / 1000, 4);
        phaseStart = now;
      };
      const pathsFlag = numberFlag('paths', flags.paths, { min: 1, max: 10_000_000, integer: true });
      const seedFlag = numberFlag('seed', flags.seed, { min: 0, max: 2 ** 31 - 1, integer: true });
      const capped = capWorkers(numberFlag('workers', flags.workers, { min: 1, max: 64, integer: true }), (await import('node:os')).availableParallelism());
      if (capped.notice && !flags.quiet) io.stderr(`bcid: ${capped.notice}\n`);
      const workersFlag = capped.workers;
      const paths = resolvePaths(command, io);
      const montecarlo = await import('../../risk/montecarlo.js');
      const { riskSettings } = await import('../../risk/calibration.js');
      // Threads start as soon as their number is known, and warm up while this thread allocates:
      // now when --workers or --paths says, else once the scenario (its paths) is read.
      let poolStarted: import('../../risk/montecarlo.js').WorkerPool | null = null;
      const startPool = (pathCount: number) => (poolStarted ??= montecarlo.startWorkers(workersFlag ?? montecarlo.autoWorkers(pathCount)));
      if (workersFlag !== undefined || pathsFlag !== undefined) startPool(pathsFlag ?? 0);
      try {
        const { loaded, inputs, run } = await loadAndRun(scenarioArg, paths, io, {
          allowOutside: flags.allowOutside,
          quiet: flags.quiet,
          beforeRun: (l) => startPool(riskSettings(l.resolved.scenario).paths),
        });
        phase('loadAndAllocate');
        const scenario = loaded.resolved.scenario;
        const { buildMcModel } = await import('../../risk/mc-model.js');
        const settings = riskSettings(scenario);
        const nPaths = pathsFlag ?? settings.paths;
        const seed = seedFlag ?? scenario.seed;
        const base = { ctx: run.prep.ctx, inputs, commitments: run.commitments, results: run.base };
        const build = buildMcModel(base, settings, { paths: nPaths, seed });

        const { resolveOutputDir, OutputDirError } = await import('../../io/output-dir.js');
        let outDir: string;
        try {
          outDir = flags.out === undefined ? path.join(resolveOutputDir(paths, undefined, scenario.name, flags.allowOutside), 'risk') : resolveOutputDir(paths, flags.out, scenario.name, flags.allowOutside);
        } catch (e) {
          if (e instanceof OutputDirError) throw new UsageFailure(e.message);
          throw e;
        }

        const showBar = io.isTTY && !flags.quiet && !flags.json && !io.env['CI'];
        let bar: import('cli-progress').SingleBar | null = null;
        if (showBar) {
          const cliProgress = (await import('cli-progress')).default;
          bar = new cliProgress.SingleBar(
            { stream: process.stderr, format: 'Monte Carlo |{bar}| {percentage}% | {value}/{total} paths | ETA {eta_formatted}', hideCursor: true, clearOnComplete: true, etaBuffer: 20 },
            cliProgress.Presets.shades_classic,
          );
          bar.start(nPaths, 0);
        }
        const pool = startPool(nPaths);
        phase('prepare');
        const simStart = performance.now();
        let acc;
        try {
          acc = await montecarlo.runMonteCarlo(build.model, pool, { onProgress: (done) => bar?.update(done) });
        } finally {
          bar?.stop();
        }
        const simSeconds = (performance.now() - simStart) / 1000;
        await pool.close();
        phase('simulate');

        const { tornado } = await import('../../risk/tornado.js');
        const { summarise } = await import('../../risk/results.js');
        const results = summarise({
          scenario,
          settings,
          acc,
          deterministic: build.deterministic,
          tornado: tornado(build.model.compiled, build.model.base, build.model.funding, build.model.params, settings),
          seed,
          blockSize: build.model.blockSize,
        });

        phase('summarise');
        // All or nothing, like `bcid run`: built in a staging folder and swapped in (issue 12); comparison.json is `bcid compare`'s and is kept.
        const { writePacket } = await import('../../io/packet-writer.js');
        const { packetFiles } = await import('../../io/packet-files.js');
        const { realInputs } = await import('../../io/write-guard.js');
        const inputFiles = realInputs(loaded.files.map((f) => path.resolve(paths.root, f.path)));
        const { performanceReport, count } = await writePacket(outDir, async (staging) => {
          const writer = packetFiles(staging, inputFiles);
          writer.write('montecarlo.json', `${JSON.stringify(results, null, 2)}\n`);
          await writeRiskTables(results, flags, writer.write, scenario.reportDate ?? '2025-12-22', loaded, scenario.name);
          if (flags.charts) {
            const { riskChartContext } = await import('../../report/risk/section.js');
            const { fanChart } = await import('../../report/charts/fan.js');
            const { tornadoChart } = await import('../../report/charts/tornado.js');
            const { createLocale } = await import('../../report/locale.js');
            const { createChartRenderer } = await import('../../render/chart.js');
            const { DATA_SOURCE } = await import('./run-execute.js');
            const ctx = riskChartContext(createLocale(flags.lang[0] ?? 'fr'), scenario.name, DATA_SOURCE);
            const renderer = createChartRenderer();
            const specs = [...(['equityToLoans', 'liquidityMonths', 'equity', 'creditLosses'] as const).map((m) => fanChart(results, m, ctx)), tornadoChart(results, ctx)];
            for (const spec of specs) {
              writer.write(`charts/${spec.id}.png`, await renderer.png(spec));
              writer.write(`charts/${spec.id}.svg`, renderer.svg(spec));
            }
          }
          phase('write');
          const { VERSION } = await import('../version.js');
          const { availableParallelism } = await import('node:os');
          const performanceReport: RiskPerformance = {
            kind: 'bcid-risk-performance',
            scenario: scenario.name,
            paths: nPaths,
            workers: pool.size,
            simulationSeconds: round(simSeconds, 4),
            pathsPerSecond: Math.round(nPaths / Math.max(simSeconds, 1e-9)),
            totalSeconds: round((performance.now() - started) / 1000, 4),
            phaseSeconds: phases,
            peakRssMB: round(process.resourceUsage().maxRSS / 1024, 1),
            node: process.version,
            cores: availableParallelism(),
          };
          writer.write('performance.json', `${JSON.stringify(performanceReport, null, 2)}\n`);
          const { MANIFEST_FILE } = await import('../../io/manifest.js');
          const { gitCommit } = await import('../../io/git-commit.js');
          const manifest = {
            tool: 'bcid-aes',
            version: VERSION,
            scenario: scenario.name,
            seed,
            gitCommit: gitCommit(paths.root),
            createdAt: io.now().toISOString(),
            inputs: loaded.files.map((f) => ({ path: f.path, sha256: f.sha256, role: f.role })),
            outputs: writer.entries(),
          };
          (await import('../../io/atomic-write.js')).writeFileAtomic(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
          return { performanceReport, count: manifest.outputs.length };
        }, { carry: ['comparison.json'], inputs: inputFiles });

        if (flags.json) io.stdout(`${JSON.stringify({ results, performance: performanceReport }, null, 2)}\n`);
        else if (!flags.quiet) {
          io.stdout(riskSummary(results, performanceReport));
          io.stdout(`\nRisk files: ${path.relative(io.cwd, outDir) || '.'}/ (${count + 1} files); the next \`bcid run ${scenario.name}\` or \`bcid dossier ${scenario.name}\` adds them to the dossier\n`);
        }
        if (!results.identities.ok) {
          io.stderr(`bcid: internal error: path ${results.identities.worstPath} breaks the ${results.identities.worstIdentity} identity in ${results.identities.worstYear}\n`);
          const { CommandExit } = await import('../failures.js');
          const { ExitCode } = await import('../exit-code.js');
          throw new CommandExit(ExitCode.internal);
        }
      } finally {
        await (poolStarted as import('../../risk/montecarlo.js').WorkerPool | null)?.close();
      }
    });
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

async function writeRiskTables(
  results: RiskResults,
  flags: RiskFlags,
  write: (relative: string, bytes: Uint8Array | string) => void,
  date: string,
  loaded: LoadedRun,
  scenario: string,
): Promise<void> {
  const { createLocale } = await import('../../report/locale.js');
  const t = await import('../../report/risk/tables.js');
  const { renderCsv } = await import('../../render/csv.js');
  const { renderXlsx } = await import('../../render/xlsx.js');
  const { describeInputs } = await import('../input-descriptions.js');
  const { VERSION } = await import('../version.js');
  const L = createLocale(flags.lang[0] ?? 'fr');
  const tables = [t.breachesTable(results, L), t.lossTable(results, L), t.fanTable(results, L), t.tornadoTable(results, L), t.defaultsTable(results, L)];
  for (const table of tables) write(`tables/${table.id}.csv`, renderCsv(table, flags.csvDialect, L));
  write(`bcid-${scenario}-risk.xlsx`, await renderXlsx(tables, { scenario, date, inputs: describeInputs(loaded.files), toolVersion: VERSION }, L));
}

const points = (x: number | null, base: number | null) => (x === null || base === null ? '—' : `${x - base >= 0 ? '+' : '−'}${Math.abs(100 * (x - base)).toFixed(1)}`);
const pct = (x: number | null, digits = 1) => (x === null ? '—' : `${(100 * x).toFixed(digits)} %`);
const bnf = (m: number) => (m / 1000).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const LIMIT_WORDS: Readonly<Record<string, string>> = {
  'equity-to-loans': 'Equity-to-loans floor',
  liquidity: 'Liquidity buffer',
  gearing: 'Gearing cap',
  'country-exposure': 'Country exposure',
  solvency: 'Negative equity',
};

/** The terminal summary of `bcid risk` (English, like `bcid run`'s). */
export function riskSummary(r: RiskResults, perf: { workers: number; simulationSeconds: number; pathsPerSecond: number; peakRssMB: number }): string {
  const first = r.years[0]!;
  const last = r.years[r.years.length - 1]!;
  const lines = [
    `BCID-AES — Monte Carlo, scenario ${r.scenario}${r.stresses.length > 0 ? ` (stresses: ${r.stresses.join(', ')})` : ''}`,
    `${r.paths.toLocaleString('en-US')} paths, seed ${r.seed}, ${perf.workers} worker${perf.workers === 1 ? '' : 's'}: ${perf.simulationSeconds.toFixed(2)} s (${perf.pathsPerSecond.toLocaleString('en-US')} paths/s), peak RSS ${perf.peakRssMB.toFixed(0)} MB`,
    '',
    '  Limit broken at least once (probability)',
    ...r.breaches.map((b) => {
      const ref = b.limit === 'equity-to-loans' ? ` (${pct(r.policy.equityToLoansFloor, 0)})` : b.limit === 'liquidity' ? ` (${r.policy.liquidityMonths} months)` : b.limit === 'gearing' ? ` (${r.policy.maxGearing}× equity)` : '';
      return `    ${`${LIMIT_WORDS[b.limit] ?? b.limit}${ref}`.padEnd(34)}${pct(b.probability).padStart(8)}`;
    }),
    `    ${'Any limit'.padEnd(34)}${pct(r.anyBreachProbability).padStart(8)}`,
    '',
    `  Lowest equity/loans      P5 ${pct(r.lowestEquityToLoans.p5)}, median ${pct(r.lowestEquityToLoans.p50)}, P95 ${pct(r.lowestEquityToLoans.p95)}; without random shocks ${pct(r.lowestEquityToLoans.deterministic)}`,
    `  Credit loss ${first}–${last}   expected ${bnf(r.creditLoss.expected)} bn FCFA (s.e. ${bnf(r.creditLoss.standardError)}), VaR 95 % ${bnf(r.creditLoss.var95)}, CVaR 95 % ${bnf(r.creditLoss.cvar95)}`,
    `  Defaulted by ${last}        ${r.defaults.map((d) => `${d.member === 'joint' ? 'all three' : d.member} ${pct(d.byYear[d.byYear.length - 1] ?? 0)}`).join(', ')}`,
    `  Sensitivities            lowest E/L ${pct(r.tornado.base)}; points moved by the adverse / favourable value of: ${r.tornado.bars
      .slice(0, 4)
      .map((b) => `${b.input} ${points(b.adverse, r.tornado.base)} / ${points(b.favourable, r.tornado.base)}`)
      .join(', ')}`,
    `  Identities               ${r.identities.ok ? `balance sheet and cash flow hold on all ${r.identities.pathsChecked.toLocaleString('en-US')} paths` : `BROKEN on path ${r.identities.worstPath} (${r.identities.worstIdentity}, ${r.identities.worstYear})`}`,
  ];
  return `${lines.join('\n')}\n`;
}
