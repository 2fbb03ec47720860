import path from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../../io/atomic-write.js';
import type { CliIo } from '../io.js';
import { UsageFailure } from '../failures.js';
import { resolvePaths } from '../context.js';
import { reportDate, type PacketFlags } from '../common-flags.js';
import { loadOrFail, runOrFail } from '../load.js';
import { runOutputs } from '../output-folder.js';
import { computeDossierRisk } from '../dossier-risk.js';
import { writeRunPacket } from '../run-packet.js';
import { renderSummary } from '../../render/summary.js';
import { createLocale } from '../../report/locale.js';
import { runSummarySpec } from '../../report/summaries/run.js';

export interface RunFlags extends PacketFlags {
  method?: 'greedy' | 'optimal';
  exportLp?: string;
  pdf: boolean;
  risk: boolean;
  date?: string;
}

export async function runAction(scenarioArg: string, flags: RunFlags, command: Command, io: CliIo): Promise<void> {
  const paths = resolvePaths(command, io);
  const loaded = await loadOrFail(scenarioArg, paths, io, flags);
  const { scenario } = loaded.resolved;
  // Everything that can be checked before the first write: the folders (links followed), --export-lp, Chromium.
  const targets = runOutputs({ paths, out: flags.out, scenarioName: scenario.name, allowOutside: flags.allowOutside, exportLp: flags.exportLp, cwd: io.cwd, inputFiles: loaded.files.map((f) => path.resolve(paths.root, f.path)) });
  const outDir = targets.outDir;
  if (flags.pdf) (await import('../../render/pdf.js')).findChromium();
  let lp: string | undefined;
  const run = await runOrFail(loaded, io, { method: flags.method ?? scenario.allocation.method, onLp: (text) => (lp = text) });
  if (targets.exportLp !== undefined && lp === undefined) throw new UsageFailure('--export-lp needs the optimal method: add --method optimal');
  // The dossier's stress tests and Monte Carlo, computed here from the scenario alone.
  const risk = flags.risk ? await computeDossierRisk(run, paths, io, flags) : undefined;
  const files = await writeRunPacket(run.results, loaded, outDir, paths, io, {
    langs: flags.lang,
    pdf: flags.pdf,
    date: reportDate(flags.date ?? scenario.reportDate, io),
    csvDialect: flags.csvDialect,
    ...(risk ? { risk } : {}),
  });
  if (targets.exportLp !== undefined && lp !== undefined) writeFileAtomic(targets.exportLp, lp);
  if (!flags.quiet) {
    io.stdout(renderSummary(runSummarySpec(run.results), createLocale('en')));
    io.stdout(`\nReport packet: ${path.relative(io.cwd, outDir) || '.'}/ (${files.length} files)\n`);
  }
}
