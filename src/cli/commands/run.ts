import { Option, type Command } from 'commander';
import type { CliIo } from '../io.js';
import { allowOutsideOption, csvDialectOption, langOption, quietOption } from '../common-flags.js';
import type { RunFlags } from './run-action.js';

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
    // The action and everything it needs load only when the command runs: `bcid --help` stays fast.
    .action(async (scenarioArg: string, flags: RunFlags, command: Command) => (await import('./run-action.js')).runAction(scenarioArg, flags, command, io));
}
