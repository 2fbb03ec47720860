import type { CliIo } from '../io.js';
import { UsageFailure } from '../failures.js';
import { numberFlag, numberListFlag, requiredNumberFlag } from '../parse-flags.js';
import * as finance from '../../finance/index.js';
import { renderLoan } from './loan-output.js';

export interface LoanFlags {
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

export async function loanAction(flags: LoanFlags, io: CliIo): Promise<void> {
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
  io.stdout(renderLoan(schedule, ge, flags.format));
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
