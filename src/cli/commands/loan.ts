import { Option, type Command } from 'commander';
import type { CliIo } from '../io.js';
import type { LoanFlags } from './loan-action.js';

export function registerLoan(program: Command, io: CliIo): void {
  program
    .command('loan')
    .description('repayment schedule and grant element of one loan')
    .option('--amount <mfcfa>', 'amount committed, millions of FCFA')
    .option('--rate <decimal>', 'interest rate per year, e.g. 0.0075')
    .option('--years <n>', 'maturity in years, grace included')
    .option('--grace <n>', 'grace years before principal is repaid', '0')
    .addOption(new Option('--method <method>', 'repayment profile').choices(['annuity', 'linear', 'bullet', 'custom', 'sculpted']).default('annuity'))
    .option('--profile <steps>', 'custom profile: FROM-TO:PCT,… e.g. 7-31:4 (percent of the end-of-grace balance per year)')
    .option('--disburse <shares>', 'disbursement shares at the start of years 1, 2, …, e.g. 0.3,0.4,0.3')
    .option('--capitalize', 'capitalise interest during grace', false)
    .option('--commitment-fee <decimal>', 'fee per year on the undrawn amount')
    .option('--front-fee <decimal>', 'fee on the amount, at signing')
    .option('--discount-rate <decimal>', 'discount rate of the grant element', '0.05')
    .option('--cfads <list>', 'sculpted: cash flow available for debt service, years 1..N, comma-separated')
    .option('--dscr <x>', 'sculpted: target debt-service cover ratio')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .addHelpText('after', '\nExample:\n  bcid loan --amount 100000 --rate 0.0075 --years 40 --grace 10 --method linear\n')
    // The action and everything it needs load only when the command runs: `bcid --help` stays fast.
    .action(async (flags: LoanFlags) => (await import('./loan-action.js')).loanAction(flags, io));
}
