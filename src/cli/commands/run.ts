import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CliIo } from '../io.js';
import { InputFailure } from '../failures.js';
import { resolvePaths } from '../context.js';

export interface RunFlags {
  method?: 'greedy' | 'optimal';
  out?: string;
  csvDialect: 'rfc' | 'fr';
  exportLp?: string;
  pdf: boolean;
  lang: ('fr' | 'en' | 'ar')[];
  date?: string;
  allowOutside: boolean;
  quiet: boolean;
}

export function parseLangs(raw: string): ('fr' | 'en' | 'ar')[] {
  const langs = raw.split(',').map((s) => s.trim());
  for (const l of langs) if (l !== 'fr' && l !== 'en' && l !== 'ar') throw new InvalidArgumentError(`"${l}" is not a dossier language: use fr, en or ar`);
  return [...new Set(langs)] as ('fr' | 'en' | 'ar')[];
}

export function registerRun(program: Command, io: CliIo): void {
  program
    .command('run')
    .description('allocate the bank’s capital, project its balance sheet and members’ debt, and write the report packet')
    .argument('[scenario]', 'scenario name (scenarios/<name>.yaml)', 'baseline')
    .addOption(new Option('--method <method>', 'allocation method (default: the scenario’s)').choices(['greedy', 'optimal']))
    .option('--out <dir>', 'report folder (default: reports/<scenario>)')
    .addOption(new Option('--csv-dialect <dialect>', 'CSV for French Excel: ; and decimal commas').choices(['rfc', 'fr']).default('rfc'))
    .option('--export-lp <file>', 'write the allocation MILP in CPLEX LP format (optimal method)')
    .option('--no-pdf', 'skip the PDF (no browser needed)')
    .option('--lang <langs>', 'dossier languages, comma-separated: fr, en, ar (the first is the main one)', parseLangs, ['fr'])
    .option('--date <yyyy-mm-dd>', 'date printed on the dossier (default: the scenario’s reportDate)')
    .option('--allow-outside', 'allow data and output paths outside the project folders', false)
    .option('-q, --quiet', 'print nothing but errors', false)
    .action(async (scenarioArg: string, flags: RunFlags, command: Command) => {
      const paths = resolvePaths(command, io);
      const { loadCheckedInputs } = await import('../load-checked-inputs.js');
      const { formatDiagnostics } = await import('../../diagnostics/format.js');
      const loaded = await loadCheckedInputs(scenarioArg, paths, { allowOutside: flags.allowOutside });
      if (loaded.diagnostics.length > 0 && !flags.quiet) io.stderr(`${formatDiagnostics(loaded.diagnostics)}\n\n`);
      const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0 || loaded.value === null) {
        io.stderr(`${scenarioArg}: invalid input, nothing was run (${errors.length} error${errors.length === 1 ? '' : 's'}); see \`bcid validate ${scenarioArg}\`\n`);
        throw new InputFailure(errors);
      }
      const { executeRun } = await import('./run-execute.js');
      const outcome = await executeRun(loaded.value, paths, flags, io);
      if (!flags.quiet) {
        const { runSummary } = await import('../run-summary.js');
        io.stdout(runSummary(outcome.results));
        io.stdout(`\nReport packet: ${path.relative(io.cwd, outcome.outDir) || '.'}/ (${outcome.files.length} files)\n`);
      }
    });
}

