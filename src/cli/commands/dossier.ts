import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { allowOutsideOption, langOption } from '../common-flags.js';
import type { DossierFlags } from './dossier-action.js';

export function registerDossier(program: Command, io: CliIo): void {
  program
    .command('dossier')
    .description('re-render the HTML and PDF dossier from an existing results.json (no model run)')
    .argument('[scenario]', 'scenario whose report to re-render', 'baseline')
    .addOption(langOption('languages, comma-separated: fr, en, ar'))
    .option('--no-pdf', 'skip the PDF (no browser needed)')
    .option('--out <dir>', 'report folder (default: reports/<scenario>)')
    .option('--date <yyyy-mm-dd>', 'date printed on the dossier (default: the scenario’s reportDate)')
    .addOption(allowOutsideOption('allow an output folder outside reports/'))
    // The action and everything it needs load only when the command runs: `bcid --help` stays fast.
    .action(async (scenario: string, flags: DossierFlags, command: Command) => (await import('./dossier-action.js')).dossierAction(scenario, flags, command, io));
}
