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

/**
 * A stream whose reader went away (`bcid run … | head`): further output is
 * dropped and the command finishes quietly with its own exit code, instead of
 * an EPIPE stack trace. The report packet is still written whole.
 */
export function pipeSafeWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') closed = true;
    else throw e;
  });
  return (text) => {
    if (closed) return;
    try {
      stream.write(text);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') closed = true;
      else throw e;
    }
  };
}

export function processIo(): CliIo {
  return {
    stdout: pipeSafeWriter(process.stdout),
    stderr: pipeSafeWriter(process.stderr),
    cwd: process.cwd(),
    now: () => new Date(),
    isTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  };
}
