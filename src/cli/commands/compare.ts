import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { allowOutsideOption, csvDialectOption, langOption, quietOption } from '../common-flags.js';
import type { CompareFlags } from './compare-action.js';

/**
 * `bcid compare A B [C…]`: runs each scenario (stress scenarios on their own
 * allocation, held fixed) and shows the key indicators side by side. Writes
 * reports/compare-A-B…/ (or --out): comparison.json, comparison.csv,
 * comparison-by-year.csv, a workbook and the comparison charts, with their
 * manifest. It feeds no other packet: a dossier's stress tests are the ones its
 * scenario names (`dossier.stresses`), computed by `bcid run`.
 */

export function registerCompare(program: Command, io: CliIo): void {
  program
    .command('compare')
    .description('run scenarios and compare their key indicators: table, CSV, workbook, charts')
    .argument('<scenarios...>', 'two or more scenario names; the first is the reference')
    .option('--out <dir>', 'report folder (default: reports/compare-<A>-<B>…)')
    .addOption(langOption('language of the files and charts: fr, en or ar (the first is used)'))
    .addOption(csvDialectOption())
    .option('--no-charts', 'skip the PNG/SVG charts')
    .addOption(allowOutsideOption())
    .addOption(quietOption())
    // The action and everything it needs load only when the command runs: `bcid --help` stays fast.
    .action(async (names: string[], flags: CompareFlags, command: Command) => (await import('./compare-action.js')).compareAction(names, flags, command, io));
}
