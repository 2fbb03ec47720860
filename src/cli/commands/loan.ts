import { Option, type Command } from 'commander';
import type { CliIo } from '../io.js';
import { UsageFailure } from '../failures.js';
import { numberFlag, numberListFlag, requiredNumberFlag } from '../parse-flags.js';

interface LoanFlags {
  amount?: string;
  rate?: string;
  years?: string;
  grace: string;
  method: 'annuity' | 'linear' | 'bullet' | 'custom' | 'sculpted';
  profile?: string;
  disburse?: string;
  capitalize: boolean;
  commitmentFee?: string;
  frontFee?: string;
  discountRate?: string;
  cfads?: string;
  dscr?: string;
  format: 'table' | 'csv' | 'json';
}

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
    .action(async (flags: LoanFlags) => {
      const finance = await import('../../finance/index.js');
      const terms = {
        amount: requiredNumberFlag('amount', flags.amount, { min: 0 }),
        rate: requiredNumberFlag('rate', flags.rate, { min: -0.99, max: 1 }),
        years: requiredNumberFlag('years', flags.years, { integer: true, min: 1, max: 100 }),
        grace: requiredNumberFlag('grace', flags.grace, { integer: true, min: 0, max: 99 }),
        method: flags.method,
        capitalize: flags.capitalize,
        ...optional('disbursement', numberListFlag('disburse', flags.disburse)),
        ...optional('profile', parseProfile(flags.profile)),
        ...optional('cfads', numberListFlag('cfads', flags.cfads)),
        ...optional('targetDscr', numberFlag('dscr', flags.dscr, { min: 0.01 })),
        ...optional('frontEndFee', numberFlag('front-fee', flags.frontFee, { min: 0, max: 1 })),
        ...optional('commitmentFee', numberFlag('commitment-fee', flags.commitmentFee, { min: 0, max: 1 })),
      };
      const discountRate = requiredNumberFlag('discount-rate', flags.discountRate, { min: -0.99, max: 1 });
      let schedule;
      try {
        schedule = finance.loanSchedule(terms);
      } catch (e) {
        if (e instanceof finance.FinanceError) throw new UsageFailure(`these loan terms are not valid: ${e.message}`);
        throw e;
      }
      const ge = finance.grantElement(schedule, discountRate);
      const { renderLoan } = await import('./loan-output.js');
      io.stdout(renderLoan(schedule, ge, flags.format));
    });
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** "7-31:4,32-40:2" → steps. */
function parseProfile(raw: string | undefined): { from: number; to: number; pct: number }[] | undefined {
  if (raw === undefined) return undefined;
  return raw.split(',').map((part) => {
    const m = /^\s*(\d+)\s*-\s*(\d+)\s*:\s*([0-9.]+)\s*$/.exec(part);
    if (!m) throw new UsageFailure(`--profile step "${part}" must look like FROM-TO:PCT, e.g. 7-31:4`);
    return { from: Number(m[1]), to: Number(m[2]), pct: Number(m[3]) };
  });
}
