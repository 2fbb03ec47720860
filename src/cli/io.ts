/**
 * Everything a command may touch outside the pure core, passed in so tests can
 * drive `main()` without a real terminal, clock or working directory.
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Project root: relative paths in scenarios and flags resolve against it. */
  readonly cwd: string;
  /** "Today", injected so that outputs are reproducible. */
  readonly now: () => Date;
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    now: () => new Date(),
    isTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  };
}
