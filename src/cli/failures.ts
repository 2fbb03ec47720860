import type { ExitCode } from './exit-code.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** The user's data or scenario is wrong: exit 1, print the diagnostics. */
export class InputFailure extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`${diagnostics.length} problem(s) in the input`);
  }
}

/** Bad flags or arguments: exit 2. */
export class UsageFailure extends Error {}

/** Lets a command finish with a chosen code after printing its own output. */
export class CommandExit extends Error {
  constructor(readonly code: ExitCode) {
    super(`exit ${code}`);
  }
}
