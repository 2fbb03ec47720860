import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { allowOutsideOption, csvDialectOption, langOption, quietOption } from '../common-flags.js';
import type { RiskFlags } from './risk-action.js';

/**
 * `bcid risk [scenario]`: the seeded Monte Carlo of the scenario's allocation,
 * held fixed (src/risk/README.md). Writes its own packet, reports/risk-<scenario>/:
 * montecarlo.json (deterministic for a seed, whatever --workers), performance.json
 * (timings, peak memory), CSV tables, a workbook, fan and tornado charts and a
 * manifest. It feeds no other packet: `bcid run` computes its dossier's Monte Carlo itself.
 */

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
    // The action and everything it needs load only when the command runs: `bcid --help` stays fast.
    .action(async (scenarioArg: string, flags: RiskFlags, command: Command) => (await import('./risk-action.js')).riskAction(scenarioArg, flags, command, io));
}
