/** Distinct codes so scripts can tell bad flags from bad data from a crash. */
export const ExitCode = {
  ok: 0,
  invalidInput: 1,
  usage: 2,
  internal: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
