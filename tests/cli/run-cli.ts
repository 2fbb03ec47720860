/**
 * The one way tests run `bcid`: in-process through `main(argv, io)`, as bin/bcid.js
 * would, with output captured, no terminal, an empty environment and a fixed "today".
 */
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

/** What a user would see from one `bcid …` invocation. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** "Today" of every test run: outputs that print a date are reproducible. */
export const FIXED_TODAY = new Date('2025-12-22T09:00:00Z');

export interface RunCliOptions {
  readonly now?: Date;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export async function runCli(argv: readonly string[], cwd: string = process.cwd(), options: RunCliOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const now = options.now ?? FIXED_TODAY;
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd,
    now: () => now,
    isTTY: false,
    env: options.env ?? {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** `file:line:column: severity [code]` heads of the diagnostics in a text output. */
export function diagnosticHeads(text: string): { file: string; line: number; column: number; severity: string; code: string }[] {
  const heads = [];
  for (const m of text.matchAll(/^(.+?):(\d+):(\d+): (error|warning) \[([a-z0-9-]+)\]/gm)) {
    heads.push({ file: m[1] ?? '', line: Number(m[2]), column: Number(m[3]), severity: m[4] ?? '', code: m[5] ?? '' });
  }
  return heads;
}
