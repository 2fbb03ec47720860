import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { OutputDirError, resolveOutputDir } from '../../src/io/output-dir.js';
import { projectPaths } from '../../src/io/project-paths.js';
import { neutralizeFormula } from '../../src/render/neutralize-formula.js';

function tempProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'bcid-out-'));
  for (const d of ['data', 'scenarios', 'reports']) mkdirSync(path.join(root, d));
  return root;
}

describe('atomic writes', () => {
  it('replace the whole file and leave no temporary file behind', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bcid-atomic-'));
    const target = path.join(dir, 'sub', 'report.json');
    writeFileAtomic(target, 'first');
    writeFileAtomic(target, 'second, longer');
    expect(readFileSync(target, 'utf8')).toBe('second, longer');
    expect(readdirSync(path.dirname(target))).toEqual(['report.json']);
  });

  it('leave the previous report intact when the writing process is killed midway', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bcid-kill-'));
    const target = path.join(dir, 'report.bin');
    writeFileAtomic(target, 'previous report');
    // The child writes 1 GB in one atomic write; we SIGKILL it as soon as its temporary file appears.
    const script = `
      import { writeFileAtomic } from ${JSON.stringify(new URL('../../src/io/atomic-write.ts', import.meta.url).pathname)};
      writeFileAtomic(${JSON.stringify(target)}, Buffer.alloc(1024 * 1024 * 1024, 120));
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'ignore' });
    const killed = await new Promise<boolean>((resolve) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (readdirSync(dir).some((f) => f.endsWith('.tmp'))) {
          child.kill('SIGKILL');
          clearInterval(poll);
          resolve(true);
        } else if (Date.now() - started > 20_000) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve(false);
        }
      }, 2);
    });
    await new Promise((resolve) => child.on('exit', resolve));
    expect(killed).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('previous report');
  });
});

describe('output folder', () => {
  it('defaults to reports/<scenario>', () => {
    const root = tempProject();
    expect(resolveOutputDir(projectPaths(root), undefined, 'baseline', false)).toBe(path.join(root, 'reports', 'baseline'));
  });

  it('refuses ../ escapes and absolute paths outside reports/ unless allowed', () => {
    const root = tempProject();
    const paths = projectPaths(root);
    expect(() => resolveOutputDir(paths, '../elsewhere', 'x', false)).toThrow(OutputDirError);
    expect(() => resolveOutputDir(paths, '/tmp/bcid-anywhere', 'x', false)).toThrow(/outside reports/);
    expect(resolveOutputDir(paths, path.join(tmpdir(), 'bcid-allowed'), 'x', true)).toBe(path.join(tmpdir(), 'bcid-allowed'));
  });

  it('follows a symlinked output folder and refuses one that points outside reports/', () => {
    const root = tempProject();
    const outside = mkdtempSync(path.join(tmpdir(), 'bcid-target-'));
    symlinkSync(outside, path.join(root, 'reports', 'baseline'));
    expect(() => resolveOutputDir(projectPaths(root), undefined, 'baseline', false)).toThrow(/outside reports/);
  });

  it('never writes into the data or scenario folders, even when allowed outside', () => {
    const root = tempProject();
    writeFileSync(path.join(root, 'data', 'projects.csv'), 'id\n');
    symlinkSync(path.join(root, 'data'), path.join(root, 'reports', 'sneaky'));
    expect(() => resolveOutputDir(projectPaths(root), undefined, 'sneaky', true)).toThrow(/inputs are never overwritten/);
    expect(() => resolveOutputDir(projectPaths(root), 'scenarios/out', 'x', true)).toThrow(/inputs are never overwritten/);
    expect(existsSync(path.join(root, 'scenarios', 'out'))).toBe(false);
  });
});

describe('formula injection', () => {
  it.each(['=1+1', '+CMD', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'])('neutralises %j', (s) => {
    expect(neutralizeFormula(s)).toBe(`'${s}`);
  });
  it('leaves ordinary text alone', () => {
    expect(neutralizeFormula('Route Kayes–Bamako')).toBe('Route Kayes–Bamako');
  });
});
