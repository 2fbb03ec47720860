import { Command, CommanderError, Option } from 'commander';
import { ExitCode } from './exit-code.js';
import { CommandExit, InputFailure, UsageFailure } from './failures.js';
import type { CliIo } from './io.js';
import { registerCommands } from './commands/index.js';
import { VERSION } from './version.js';
import { InvariantViolation } from '../model/invariant-violation.js';

export interface GlobalOptions {
  readonly debug: boolean;
  readonly root?: string;
}

/**
 * The whole CLI as a function: argv in, exit code out. Only bin/ calls
 * process.exit, so tests drive this directly. Heavy modules are imported
 * inside the commands that need them, to keep `bcid --help` fast.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const program = new Command('bcid');
  program
    .description('Financing model of the BCID-AES, the investment bank of the Confederation of Sahel States (AES).')
    .version(VERSION, '-V, --version')
    .addOption(new Option('--debug', 'show stack traces of internal errors').default(false))
    .addOption(new Option('--root <dir>', 'project folder holding scenarios/, data/ and reports/'))
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (s, write) => write(s) })
    .showSuggestionAfterError(true);
  registerCommands(program, io);
  for (const sub of program.commands) sub.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (e) {
    return failureToExitCode(e, io, Boolean(program.opts<GlobalOptions>().debug));
  }
}

function failureToExitCode(e: unknown, io: CliIo, debug: boolean): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return ExitCode.ok;
    if (e.exitCode === 0) return ExitCode.ok;
    return ExitCode.usage;
  }
  if (e instanceof UsageFailure) {
    io.stderr(`bcid: ${e.message}\n`);
    return ExitCode.usage;
  }
  if (e instanceof InputFailure) return ExitCode.invalidInput;
  if (e instanceof CommandExit) return e.code;
  const name = e instanceof Error ? e.name : 'Error';
  const message = e instanceof Error ? e.message : String(e);
  io.stderr(`bcid: internal error: ${e instanceof InvariantViolation ? '' : `${name}: `}${message}\n`);
  if (debug && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
  else io.stderr('This is a bug in bcid, not in your data. Re-run with --debug and report the output.\n');
  return ExitCode.internal;
}


