import path from 'node:path';
import type { CliIo } from '../io.js';
import { InputFailure, UsageFailure } from '../failures.js';
import type { RunFlags } from './run.js';
import type { LoadedRun } from '../../io/load-run-inputs.js';
import type { ProjectPaths } from '../../io/project-paths.js';
import type { RunResults } from '../../model/results.js';
import { delayPaidIn } from '../../shocks/paid-in-delay.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { gitCommit } from '../../io/git-commit.js';
import { MANIFEST_FILE, type Manifest, type ManifestEntry } from '../../io/manifest.js';
import { VERSION } from '../version.js';
import { isCalendarDate } from '../flag-values.js';

/** Named in every chart footer; file names read the same in every language. */
export const DATA_SOURCE = 'bcid-aes · data/projects.csv, data/members.csv, data/contributions.csv';

/** The cover date: the flag, else the scenario's, else today (then re-runs on another day differ). */
export function reportDate(explicit: string | undefined, io: CliIo): string {
  if (explicit !== undefined) {
    if (!isCalendarDate(explicit)) throw new UsageFailure(`--date must be a real calendar day written YYYY-MM-DD, like 2025-12-22, got "${explicit}"`);
    return explicit;
  }
  return io.now().toISOString().slice(0, 10);
}

/**
 * A scenario that no allocation can satisfy (a pinned project beyond the limits)
 * or a scoring formula that fails on the data is the analyst's to fix: exit 1,
 * pointing at the scenario key, not an internal error.
 */
async function scenarioProblem(e: unknown, loaded: LoadedRun, io: CliIo): Promise<unknown> {
  const name = e instanceof Error ? e.name : '';
  if (name !== 'AllocationInfeasible' && name !== 'ScoringError') return e;
  const { diagnostic } = await import('../../diagnostics/diagnostic.js');
  const { formatDiagnostic } = await import('../../diagnostics/format.js');
  const infeasible = name === 'AllocationInfeasible';
  const at = loaded.resolved.locate(infeasible ? ['allocation', 'pinned'] : ['appraisal', 'formula']);
  const d = diagnostic({
    ...at,
    code: infeasible ? 'allocation-infeasible' : 'formula-failed',
    field: infeasible ? 'allocation.pinned' : 'appraisal.formula',
    message: infeasible ? `no allocation satisfies the scenario: ${(e as Error).message}` : `the scoring formula fails: ${(e as Error).message}`,
    hint: infeasible ? 'unpin a project or relax the limit named above' : 'check the formula against the variables listed in scenarios/baseline.yaml',
  });
  io.stderr(`${formatDiagnostic(d)}\n`);
  return new InputFailure([d]);
}

export interface RunOutcome {
  readonly results: RunResults;
  readonly outDir: string;
  readonly files: readonly ManifestEntry[];
}

/** Model, invariant checks, then every output file written atomically and listed in the manifest. */
export async function executeRun(loaded: LoadedRun, paths: ProjectPaths, flags: RunFlags, io: CliIo): Promise<RunOutcome> {
  const { scenario } = loaded.resolved;
  const inputs = {
    ...loaded.inputs,
    contributions: delayPaidIn(loaded.inputs.contributions, scenario.funding.paidInDelayYears ?? {}),
  };
  const method = flags.method ?? scenario.allocation.method;
  // Everything that can be checked before the first write: folders, links, inputs, Chromium.
  const { resolveRunOutputs } = await import('../../io/run-outputs.js');
  const { OutputDirError } = await import('../../io/output-dir.js');
  let targets;
  try {
    targets = resolveRunOutputs({ paths, out: flags.out, scenarioName: scenario.name, allowOutside: flags.allowOutside, exportLp: flags.exportLp, cwd: io.cwd, inputFiles: loaded.files.map((f) => path.resolve(paths.root, f.path)) });
  } catch (e) {
    throw e instanceof OutputDirError ? new UsageFailure(e.message) : e;
  }
  const chromium = flags.pdf ? (await import('../../render/pdf.js')).findChromium() : undefined;
  const outDir = targets.outDir;
  const { runModel } = await import('../../model/run.js');
  const { assertChecks } = await import('../../model/checks.js');
  let lp: string | undefined;
  let results: RunResults;
  try {
    results = await runModel(inputs, scenario, { method, onLp: (text) => { lp = text; } });
  } catch (e) {
    throw await scenarioProblem(e, loaded, io);
  }
  assertChecks(results.checks);
  if (targets.exportLp !== undefined && lp === undefined) throw new UsageFailure('--export-lp needs the optimal method: add --method optimal');

  const { writePacket } = await import('../../io/packet-writer.js');
  const { packetFiles } = await import('../../io/packet-files.js');
  const written = await writePacket(outDir, async (staging) => {
    const out = packetFiles(staging, targets.inputs);
    const write = out.write;
    write('results.json', `${JSON.stringify(results, null, 2)}\n`);
    const { resultTablesCsv } = await import('../results-csv.js');
    for (const [name, text] of resultTablesCsv(results, flags.csvDialect)) write(name, text);
    const { renderPacket } = await import('../../render/packet.js');
    const { describeInputs } = await import('../input-descriptions.js');
    // The stress tests and Monte Carlo of this scenario, if `bcid compare` / `bcid risk` wrote them (issue 5).
    const risk = await (await import('./risk.js')).riskSectionFor(staging, scenario.name, DATA_SOURCE);
    const packet = await renderPacket(results, {
      ...(risk ? { sections: { risk } } : {}),
      lang: flags.lang[0] ?? 'fr',
      langs: flags.lang,
      pdf: flags.pdf,
      date: reportDate(flags.date ?? scenario.reportDate, io),
      inputs: describeInputs(loaded.files),
      dataSource: DATA_SOURCE,
      csvDialect: flags.csvDialect,
      toolVersion: VERSION,
      ...(chromium !== undefined ? { chromiumPath: chromium } : {}),
    });
    for (const file of packet) write(file.path, file.bytes);
    const entries = out.entries();
    const manifest: Manifest = {
      tool: 'bcid-aes',
      version: VERSION,
      scenario: scenario.name,
      seed: scenario.seed,
      gitCommit: gitCommit(paths.root),
      createdAt: io.now().toISOString(),
      inputs: loaded.files.map((f) => ({ path: f.path, sha256: f.sha256, role: f.role })),
      outputs: entries,
    };
    writeFileAtomic(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return entries;
  }, { carry: ['risk'], inputs: targets.inputs });
  if (targets.exportLp !== undefined && lp !== undefined) writeFileAtomic(targets.exportLp, lp);
  return { results, outDir, files: written };
}
