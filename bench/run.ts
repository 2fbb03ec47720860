/**
 * `npm run bench`: how fast bcid is, measured the same way every time.
 * Prints a table and writes reports/bench/bench.json (median, min and max of
 * several runs, with the machine's core count and the Node version).
 *
 *   npm run bench             full series (several minutes)
 *   npm run bench -- --quick  one size per case, fewer runs (about a minute)
 *   npm run bench -- --smoke  every kind of case once, on tiny inputs (seconds): keeps the
 *                             harness working (tests/bench/smoke.test.ts); its times mean nothing
 *   --out DIR                 where bench.json goes (default reports/bench)
 *
 * CLI cases time the built CLI (`npm run build` first) as a user runs it,
 * process start-up included. No test asserts any of these times.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { benchKernel } from './kernel.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'bcid.js');
const outFlag = process.argv.indexOf('--out');
const OUT = outFlag > 0 && process.argv[outFlag + 1] ? path.resolve(process.argv[outFlag + 1]!) : path.join(ROOT, 'reports', 'bench');
const mode: 'full' | 'quick' | 'smoke' = process.argv.includes('--smoke') ? 'smoke' : process.argv.includes('--quick') ? 'quick' : 'full';
const quick = mode !== 'full';

/** Sizes and repetitions of each series, per mode. */
const PLAN = {
  full: { runs: 7, helpRuns: 15, pdfRuns: 3, kernelSizes: [100_000, 1_000_000], kernelRuns: undefined, mcPaths: [10_000, 50_000], mcRuns: 5, mcScaling: [1000, 100_000], milp: [200, 1000], scaling: [10, 100, 1000, 10_000], scalingRuns: 3, capitalBinds: [1000, 4000, 10_000] },
  quick: { runs: 2, helpRuns: 3, pdfRuns: 1, kernelSizes: [100_000], kernelRuns: 3, mcPaths: [1000], mcRuns: 1, mcScaling: [], milp: [200], scaling: [10, 100], scalingRuns: 1, capitalBinds: [1000] },
  smoke: { runs: 1, helpRuns: 1, pdfRuns: 0, kernelSizes: [2000], kernelRuns: 1, mcPaths: [300], mcRuns: 1, mcScaling: [], milp: [12], scaling: [10], scalingRuns: 1, capitalBinds: [12] },
}[mode];
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

export interface BenchEntry {
  readonly case: string;
  readonly unit: string;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
  /** Case-specific figures: peak RSS, solver gap, throughput… */
  readonly extra?: Readonly<Record<string, number | string | null>>;
}

interface Timed {
  readonly timedOut?: boolean;
  readonly seconds: number;
  readonly peakRssMb: number | null;
  readonly stdout: string;
}

/** One CLI invocation, with wall time and (through GNU time) the peak RSS of the process tree's largest process. */
/** A case that takes longer than this is recorded as timed out instead of stalling the series. */
const CASE_TIMEOUT_MS = quick ? 60_000 : 180_000;

function cli(args: readonly string[], cwd = ROOT): Timed {
  const started = performance.now();
  const command = GNU_TIME ?? process.execPath;
  const argv = GNU_TIME ? ['-f', '__RSS_KB__ %M', process.execPath, BIN, ...args] : [BIN, ...args];
  const r = spawnSync(command, argv, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' }, maxBuffer: 64 * 1024 * 1024, timeout: CASE_TIMEOUT_MS, killSignal: 'SIGKILL' });
  const seconds = (performance.now() - started) / 1000;
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { timedOut: true, seconds, peakRssMb: null, stdout: '' };
  if (r.status !== 0) throw new Error(`bcid ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const rss = /__RSS_KB__ (\d+)/.exec(r.stderr ?? '');
  return { seconds, peakRssMb: rss ? Number(rss[1]) / 1024 : null, stdout: r.stdout };
}

function stats(values: readonly number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

function repeat(name: string, runs: number, once: () => Timed, extra?: (t: Timed[]) => BenchEntry['extra']): BenchEntry {
  // A first run warms the file cache (not in smoke mode, whose times mean nothing); it is not kept.
  const warmRuns = mode === 'smoke' ? 0 : 1;
  const timings: Timed[] = [];
  for (let k = 0; k < warmRuns + runs; k++) {
    const t = once();
    // One run over the time limit stops the case: the next ones would take as long.
    if (t.timedOut) return { case: name, unit: 's', runs: 0, median: t.seconds, min: t.seconds, max: t.seconds, extra: { timedOutAfterSeconds: Math.round(t.seconds) } };
    if (k >= warmRuns) timings.push(t);
  }
  const entry = { case: name, unit: 's', runs, ...stats(timings.map((t) => t.seconds)) };
  const peak = timings.map((t) => t.peakRssMb).filter((x): x is number => x !== null);
  const more = { ...(peak.length ? { peakRssMb: Math.round(Math.max(...peak)) } : {}), ...(extra?.(timings) ?? {}) };
  return Object.keys(more).length ? { ...entry, extra: more } : entry;
}

function generated(projects: number): string {
  const dir = path.join(OUT, `generated-${projects}`);
  if (!existsSync(path.join(dir, 'scenarios', 'baseline.yaml'))) cli(['generate', '--projects', String(projects), '--seed', '7', '--out', dir]);
  return dir;
}

/**
 * Generated projects with the bundled contributions (data/contributions.csv): about 500 bn FCFA of
 * paid-in capital for a pipeline of thousands of projects, so that capital binds and almost every
 * candidate is refused (the generated contributions are sized so that it does not).
 */
function generatedWithBundledContributions(projects: number): string {
  const dir = path.join(OUT, `generated-${projects}-bundled-contributions`);
  if (!existsSync(path.join(dir, 'scenarios', 'baseline.yaml'))) {
    cli(['generate', '--projects', String(projects), '--seed', '7', '--out', dir]);
    copyFileSync(path.join(ROOT, 'data', 'contributions.csv'), path.join(dir, 'data', 'contributions.csv'));
  }
  return dir;
}

function runResults(dir: string): { solver: { status: string; gap: number | null; seconds: number }; allocation: { funded: boolean }[] } {
  return JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8'));
}

function hasCommand(name: string): boolean {
  const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' }).stdout;
  return new RegExp(`^\\s+${name}\\b`, 'm').test(help);
}

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('build first: npm run build');
  mkdirSync(OUT, { recursive: true });
  const entries: BenchEntry[] = [];
  const add = (e: BenchEntry) => {
    entries.push(e);
    process.stderr.write(`  ${e.case}: median ${e.median.toPrecision(4)} ${e.unit}\n`);
  };
  const n = PLAN.runs;
  const runOut = path.join(OUT, 'run');
  // Into the bench's own folder: never the project's reports/baseline/risk, which the next `bcid run` would put in the dossier.
  const riskOut = ['--out', path.join(OUT, 'risk'), '--allow-outside'];

  add(repeat('CLI start (bcid --help)', PLAN.helpRuns, () => cli(['--help'])));
  add(repeat('validate, bundled data', n, () => cli(['validate'])));
  add(repeat('run, no PDF, bundled data', n, () => cli(['run', '--no-pdf', '--quiet', '--out', runOut, '--allow-outside'])));
  if (PLAN.pdfRuns > 0) add(repeat('run with PDF (fr), bundled data', PLAN.pdfRuns, () => cli(['run', '--quiet', '--out', path.join(OUT, 'run-pdf'), '--allow-outside'])));

  for (const k of await benchKernel({ sizes: PLAN.kernelSizes, distinct: mode === 'full', runs: PLAN.kernelRuns })) {
    entries.push({ case: k.name, unit: 'ms', median: k.medianMs, min: k.minMs, max: k.maxMs, runs: PLAN.kernelRuns ?? 0, extra: { loanYears: k.loanYears, loanYearsPerSecond: Math.round(k.loanYearsPerSecond) } });
    process.stderr.write(`  ${k.name}: ${k.loanYearsPerSecond.toExponential(2)} loan-years/s\n`);
  }

  if (hasCommand('risk')) {
    // --json reports the simulation phase apart (simulationSeconds): the Monte Carlo's own speed,
    // without the start-up, the deterministic run and the output files the whole command includes.
    // The phases (performance.json) show what dominates the whole command: their medians.
    const simulation = (t: Timed[]) => {
      const perf = t.map((x) => (JSON.parse(x.stdout) as { performance: { simulationSeconds: number; phaseSeconds: Record<string, number> } }).performance);
      const sim = stats(perf.map((p) => p.simulationSeconds));
      const phases = Object.fromEntries(Object.keys(perf[0]!.phaseSeconds).map((k) => [`phase:${k}`, stats(perf.map((p) => p.phaseSeconds[k]!)).median]));
      return { simulationSeconds: sim.median, simulationMin: sim.min, simulationMax: sim.max, ...phases };
    };
    const mc = (paths: number, workers: number, runs: number) =>
      repeat(`Monte Carlo ${paths.toLocaleString('en')} paths, ${workers} worker${workers > 1 ? 's' : ''}`, runs, () => cli(['risk', '--paths', String(paths), '--seed', '1', '--workers', String(workers), '--json', '--no-charts', ...riskOut]), simulation);
    for (const paths of PLAN.mcPaths) {
      const one = mc(paths, 1, PLAN.mcRuns);
      const two = mc(paths, 2, PLAN.mcRuns);
      add(one);
      add(two);
      const speedup = (e: BenchEntry) => Number(e.extra?.['simulationSeconds']);
      entries.push({
        case: `Monte Carlo ${paths.toLocaleString('en')} paths: 2-worker speed-up`,
        unit: 'x',
        median: one.median / two.median,
        min: one.min / two.max,
        max: one.max / two.min,
        runs: 0,
        extra: { simulation: Number((speedup(one) / speedup(two)).toFixed(2)) },
      });
    }
    for (const paths of PLAN.mcScaling) {
      add(repeat(`Monte Carlo scaling: ${paths.toLocaleString('en')} paths, 2 workers`, 1, () => cli(['risk', '--paths', String(paths), '--seed', '1', '--workers', '2', '--json', '--no-charts', ...riskOut]), simulation));
    }
  } else process.stderr.write('  (bcid risk not available: Monte Carlo cases skipped)\n');

  for (const projects of PLAN.milp) {
    const dir = generated(projects);
    add(
      repeat(`MILP allocation, ${projects} generated projects`, 1, () => cli(['--root', dir, 'run', '--method', 'optimal', '--no-pdf', '--quiet']), () => {
        const r = runResults(path.join(dir, 'reports', 'baseline'));
        return { status: r.solver.status, gap: r.solver.gap, allocationSeconds: r.solver.seconds, funded: r.allocation.filter((a) => a.funded).length };
      }),
    );
  }
  for (const projects of PLAN.scaling) {
    const dir = generated(projects);
    add(repeat(`run scaling: ${projects.toLocaleString('en')} projects (greedy, no PDF)`, PLAN.scalingRuns, () => cli(['--root', dir, 'run', '--no-pdf', '--quiet'])));
  }

  for (const projects of PLAN.capitalBinds) {
    const dir = generatedWithBundledContributions(projects);
    add(
      repeat(`run, capital binds: ${projects.toLocaleString('en')} generated projects, bundled contributions (greedy, no PDF)`, PLAN.scalingRuns, () => cli(['--root', dir, 'run', '--no-pdf', '--quiet']), () => {
        const r = runResults(path.join(dir, 'reports', 'baseline'));
        return { funded: r.allocation.filter((a) => a.funded).length };
      }),
    );
  }

  const report = { node: process.version, cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', mode, quick, entries };
  writeFileSync(path.join(OUT, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  rmSync(runOut, { recursive: true, force: true });
  const written = path.join(OUT, 'bench.json');
  process.stdout.write(`${formatTable(report.entries)}\n\nNode ${report.node}, ${report.cores} cores (${report.cpu}). Written to ${written.startsWith(ROOT + path.sep) ? path.relative(ROOT, written) : written}\n`);
}

function formatTable(entries: readonly BenchEntry[]): string {
  const rows = entries.map((e) => [
    e.case,
    `${e.median.toPrecision(4)} ${e.unit}`,
    `${e.min.toPrecision(4)}`,
    `${e.max.toPrecision(4)}`,
    e.extra ? Object.entries(e.extra).map(([k, v]) => `${k}=${typeof v === 'number' && !Number.isInteger(v) ? v.toPrecision(3) : v}`).join(' ') : '',
  ]);
  const head = ['case', 'median', 'min', 'max', 'details'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

await main();
