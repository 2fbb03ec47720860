/** Issue 12, item 14: `bcid run … | head` ends quietly with exit 0 when the reader goes away. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempProject } from '../helpers/project.js';

const project = tempProject();
afterAll(() => project.dispose());

function runWithClosedStdout(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'bcid-dev.ts'), ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  // Like `| head -0`: the reader is gone before the first line is written.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('a closed stdout', () => {
  it('ends `bcid run` quietly with exit 0, the packet written', async () => {
    const r = await runWithClosedStdout(['--root', project.root, 'run', 'baseline', '--no-pdf']);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.code).toBe(0);
  }, 120_000);

  it('ends `bcid loan` quietly with exit 0', async () => {
    const r = await runWithClosedStdout(['loan', '--amount', '1000', '--rate', '0.05', '--years', '20']);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.code).toBe(0);
  }, 60_000);
});
