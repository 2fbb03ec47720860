import path from 'node:path';
import { Option, type Command } from 'commander';
import { writeFileAtomic } from '../../io/atomic-write.js';
import type { CliIo } from '../io.js';
import { UsageFailure } from '../failures.js';
import { resolvePaths } from '../context.js';
import { allowOutsideOption, csvDialectOption, langOption, quietOption, reportDate, type PacketFlags } from '../common-flags.js';
import { loadOrFail, runOrFail } from '../load.js';
import { outputFolder } from '../output-folder.js';
import { computeDossierRisk } from '../dossier-risk.js';
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

export function registerRun(program: Command, io: CliIo): void {
  program
    .command('run')
    .description('allocate the bank’s capital, project its balance sheet and members’ debt, and write the report packet')
    .argument('[scenario]', 'scenario name (scenarios/<name>.yaml)', 'baseline')
    .addOption(new Option('--method <method>', 'allocation method (default: the scenario’s)').choices(['greedy', 'optimal']))
    .option('--out <dir>', 'report folder (default: reports/<scenario>)')
    .addOption(csvDialectOption())
    .option('--export-lp <file>', 'write the allocation MILP in CPLEX LP format (optimal method)')
    .option('--no-pdf', 'skip the PDF (no browser needed)')
    .option('--no-risk', 'skip the dossier’s stress tests (dossier.stresses) and Monte Carlo (risk.paths paths)')
    .addOption(langOption('dossier languages, comma-separated: fr, en, ar (the first is the main one)'))
    .option('--date <yyyy-mm-dd>', 'date printed on the dossier (default: the scenario’s reportDate)')
    .addOption(allowOutsideOption())
    .addOption(quietOption())
    .action(async (scenarioArg: string, flags: RunFlags, command: Command) => {
      const paths = resolvePaths(command, io);
      const loaded = await loadOrFail(scenarioArg, paths, io, flags);
      const { scenario } = loaded.resolved;
      const outDir = outputFolder(paths, flags.out, scenario.name, flags.allowOutside);
      let lp: string | undefined;
      const run = await runOrFail(loaded, io, { method: flags.method ?? scenario.allocation.method, onLp: (text) => (lp = text) });
      if (flags.exportLp !== undefined) {
        if (lp === undefined) throw new UsageFailure('--export-lp needs the optimal method: add --method optimal');
        writeFileAtomic(path.resolve(io.cwd, flags.exportLp), lp);
      }
      // The dossier's stress tests and Monte Carlo, computed here from the scenario alone.
      const risk = flags.risk ? await computeDossierRisk(run, paths, io, flags) : undefined;
      const { writeRunPacket } = await import('../run-packet.js');
      const files = await writeRunPacket(run.results, loaded, outDir, paths, io, {
        langs: flags.lang,
        pdf: flags.pdf,
        date: reportDate(flags.date ?? scenario.reportDate, io),
        csvDialect: flags.csvDialect,
        ...(risk ? { risk } : {}),
      });
      if (!flags.quiet) {
        io.stdout(renderSummary(runSummarySpec(run.results), createLocale('en')));
        io.stdout(`\nReport packet: ${path.relative(io.cwd, outDir) || '.'}/ (${files.length} files)\n`);
      }
    });
}
