import path from 'node:path';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { CommandExit } from '../failures.js';
import { ExitCode } from '../exit-code.js';
import { resolvePaths } from '../context.js';
import { numberFlag } from '../parse-flags.js';
import { allowOutsideOption, csvDialectOption, langOption, mainLang, quietOption, type PacketFlags } from '../common-flags.js';
import { loadOrFail, runOrFail } from '../load.js';
import { outputFolder } from '../output-folder.js';
import { PacketWriter, dataSource } from '../packet-writer.js';
import { riskCharts, writeCharts, writeRiskTables } from '../risk-output.js';
import { renderSummary } from '../../render/summary.js';
import { createLocale } from '../../report/locale.js';
import { riskSummarySpec } from '../../report/summaries/risk.js';
import { monteCarloOf } from '../../pipeline/montecarlo.js';
import { riskSettings } from '../../risk/calibration.js';
import { autoWorkers, startWorkers, type WorkerPool } from '../../risk/montecarlo.js';
import type { RiskPerformance } from '../../risk/results.js';

/**
 * `bcid risk [scenario]`: the seeded Monte Carlo of the scenario's allocation,
 * held fixed (src/risk/README.md). Writes its own packet, reports/risk-<scenario>/:
 * montecarlo.json (deterministic for a seed, whatever --workers), performance.json
 * (timings, peak memory), CSV tables, a workbook, fan and tornado charts and a
 * manifest. It feeds no other packet: `bcid run` computes its dossier's Monte Carlo itself.
 */

interface RiskFlags extends PacketFlags {
  paths?: string;
  seed?: string;
  workers?: string;
  json: boolean;
  charts: boolean;
}

/** The date of the risk workbook when the scenario names none: fixed, so that reruns are byte-identical. */
export const RISK_WORKBOOK_DATE_FALLBACK = '2025-12-22';

export function registerRisk(program: Command, io: CliIo): void {
  program
    .command('risk')
    .description('seeded Monte Carlo of the bank on the scenario’s allocation: fan charts, limit-breach probabilities, credit-loss VaR/CVaR, sensitivities')
    .argument('[scenario]', 'scenario name (scenarios/<name>.yaml)', 'baseline')
    .option('--paths <n>', 'number of paths (default: the scenario’s risk.paths, else 10,000)')
    .option('--seed <n>', 'seed of the random streams (default: the scenario’s seed)')
    .option('--workers <k>', 'computing threads: 1 is this thread alone, k ≥ 2 are k worker threads (default: 1 below 10,000 paths, where threads cost more than they save; else the cores available, at most 8)')
    .option('--out <dir>', 'folder for the risk files (default: reports/risk-<scenario>)')
    .addOption(langOption('language of the tables and charts: fr, en or ar (the first is used)'))
    .addOption(csvDialectOption())
    .option('--no-charts', 'skip the PNG/SVG charts')
    .option('--json', 'print the summary and the performance as JSON on stdout', false)
    .addOption(allowOutsideOption())
    .addOption(quietOption('print nothing but errors (no progress bar)'))
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
      const workersFlag = numberFlag('workers', flags.workers, { min: 1, max: 64, integer: true });
      const paths = resolvePaths(command, io);
      // Threads start as soon as their number is known, and warm up while this thread allocates:
      // now when --workers or --paths says, else once the scenario (its paths) is read.
      let poolStarted: WorkerPool | null = null;
      const startPool = (pathCount: number) => (poolStarted ??= startWorkers(workersFlag ?? autoWorkers(pathCount)));
      if (workersFlag !== undefined || pathsFlag !== undefined) startPool(pathsFlag ?? 0);
      try {
        const loaded = await loadOrFail(scenarioArg, paths, io, flags);
        const scenario = loaded.resolved.scenario;
        const nPaths = pathsFlag ?? riskSettings(scenario).paths;
        const pool = startPool(nPaths);
        const run = await runOrFail(loaded, io);
        phase('loadAndAllocate');
        const seed = seedFlag ?? scenario.seed;
        const outDir = outputFolder(paths, flags.out, `risk-${scenario.name}`, flags.allowOutside);

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
        let mc;
        try {
          mc = await monteCarloOf(run, { paths: nPaths, seed, pool, onProgress: (done) => bar?.update(done), onPhase: (p) => p !== 'simulate' && phase(p) });
        } finally {
          bar?.stop();
        }
        const { results } = mc;
        await pool.close();
        phase('simulate');

        const writer = new PacketWriter(outDir);
        writer.write('montecarlo.json', `${JSON.stringify(results, null, 2)}\n`);
        await writeRiskTables(writer, results, { lang: mainLang(flags.lang), csvDialect: flags.csvDialect, date: scenario.reportDate ?? RISK_WORKBOOK_DATE_FALLBACK, inputs: loaded.files });
        if (flags.charts) await writeCharts(writer, riskCharts(results, mainLang(flags.lang), dataSource(loaded.files)));
        phase('write');
        const performanceReport: RiskPerformance = {
          kind: 'bcid-risk-performance',
          scenario: scenario.name,
          paths: nPaths,
          workers: pool.size,
          simulationSeconds: round(mc.simulationSeconds, 4),
          pathsPerSecond: Math.round(nPaths / Math.max(mc.simulationSeconds, 1e-9)),
          totalSeconds: round((performance.now() - started) / 1000, 4),
          phaseSeconds: phases,
          peakRssMB: round(process.resourceUsage().maxRSS / 1024, 1),
          node: process.version,
          cores: availableParallelism(),
        };
        writer.write('performance.json', `${JSON.stringify(performanceReport, null, 2)}\n`);
        // Timings differ run to run: performance.json is written but not listed.
        writer.finish({ scenario: scenario.name, seed, inputs: loaded.files }, paths, io, ['performance.json']);

        if (flags.json) io.stdout(`${JSON.stringify({ results, performance: performanceReport }, null, 2)}\n`);
        else if (!flags.quiet) {
          io.stdout(renderSummary(riskSummarySpec(results, performanceReport), createLocale('en')));
          io.stdout(`\nRisk files: ${path.relative(io.cwd, outDir) || '.'}/ (${writer.written.length + 1} files)\n`);
        }
        if (!results.identities.ok) {
          io.stderr(`bcid: internal error: path ${results.identities.worstPath} breaks the ${results.identities.worstIdentity} identity in ${results.identities.worstYear}\n`);
          throw new CommandExit(ExitCode.internal);
        }
      } finally {
        await (poolStarted as WorkerPool | null)?.close();
      }
    });
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
