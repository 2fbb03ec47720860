import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const FIXED_TODAY = new Date('2025-12-22T09:00:00Z');

/** Runs `bcid` in-process with captured output and a fixed "today". */
export async function runCli(argv: readonly string[], cwd = process.cwd()): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    cwd,
    now: () => FIXED_TODAY,
    isTTY: false,
    env: {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
