/**
 * Issue 12, items 5 and 9: real `node bin/bcid.js run` processes (built into a
 * temporary folder) killed at several moments, including while Chromium prints
 * the PDF. The previous packet must stay exactly as it was and verifiable, and no
 * browser may outlive a run stopped by SIGINT or SIGTERM.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/io/hash.js';
import { hasChromium } from '../../src/render/pdf.js';
import { MINI, REPO_ROOT } from '../helpers/project.js';
import { runCli } from './run-cli.js';

const pdf = hasChromium();
const work = mkdtempSync(path.join(tmpdir(), 'bcid-kill-'));
const pkg = path.join(work, 'pkg');
const root = path.join(work, 'project');
const packet = path.join(root, 'reports', 'baseline');
const orphans: number[] = [];

function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(path.relative(dir, full), sha256(readFileSync(full)));
    }
  };
  walk(dir);
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Chromium processes started by `pid` (Playwright starts the browser as a direct child). */
function browserChildren(pid: number): number[] {
  const ps = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .filter((l) => /chrom/i.test(l))
    .map((l) => Number.parseInt(l.trim(), 10))
    .filter((n) => Number.isInteger(n));
}

const runArgs = ['--root', root, 'run', 'baseline', '--quiet', '--lang', 'fr,en', ...(pdf ? [] : ['--no-pdf'])];

function start(): ChildProcess {
  return spawn(process.execPath, [path.join(pkg, 'bin', 'bcid.js'), ...runArgs], { stdio: ['ignore', 'ignore', 'pipe'] });
}

async function until(condition: () => boolean, ms = 60_000): Promise<boolean> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

/**
 * Process `pid` has written `file`: in its staging folder, or (a writer without
 * staging, as before issue 12) over the packet's own copy since `since`.
 */
const stagingHas = (file: string) => (pid: number, since: number) =>
  readdirSync(path.dirname(packet)).some((d) => d.startsWith(`.baseline.staging-${pid}-`) && existsSync(path.join(path.dirname(packet), d, file))) ||
  (existsSync(path.join(packet, file)) && statSync(path.join(packet, file)).mtimeMs > since);

beforeAll(() => {
  // The real launcher over a build of today's sources, outside the repository.
  mkdirSync(path.join(pkg, 'bin'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'bin', 'bcid.js'), path.join(pkg, 'bin', 'bcid.js'));
  cpSync(path.join(REPO_ROOT, 'package.json'), path.join(pkg, 'package.json'));
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(pkg, 'node_modules'));
  const tsc = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(REPO_ROOT, 'tsconfig.build.json'), '--outDir', path.join(pkg, 'dist'), '--declaration', 'false', '--sourceMap', 'false'], { encoding: 'utf8' });
  if (tsc.status !== 0) throw new Error(`build failed: ${tsc.stdout}${tsc.stderr}`);
  cpSync(MINI, root, { recursive: true });
}, 180_000);

afterAll(() => {
  for (const pid of orphans) if (alive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

describe('a run killed at any moment', () => {
  it('leaves the previous packet exactly as it was and verifiable; no browser outlives SIGINT or SIGTERM', async () => {
    const first = spawnSync(process.execPath, [path.join(pkg, 'bin', 'bcid.js'), ...runArgs], { encoding: 'utf8' });
    expect(first.status, first.stderr).toBe(0);
    const before = hashes(packet);
    // The killed runs use the other allocation method and print another date, so that their results.json, dossiers,
    // workbook and manifest would differ from the packet's (with the same inputs, so verify can pass).
    runArgs.push('--method', 'optimal', '--date', '2031-07-01');

    const moments: { name: string; signal: NodeJS.Signals; when: (pid: number, since: number) => boolean; needsPdf?: boolean; delayMs?: number }[] = [
      { name: 'at start', signal: 'SIGKILL', when: () => true },
      { name: 'after the first file is staged', signal: 'SIGKILL', when: stagingHas('results.json') },
      { name: 'while the charts are drawn (Ctrl-C)', signal: 'SIGINT', when: stagingHas('results.json'), delayMs: 400 },
      { name: 'during the PDF (kill -9)', signal: 'SIGKILL', when: () => false, needsPdf: true },
      { name: 'during the PDF (Ctrl-C)', signal: 'SIGINT', when: () => false, needsPdf: true },
      { name: 'during the PDF (SIGTERM)', signal: 'SIGTERM', when: () => false, needsPdf: true },
    ];
    for (const m of moments) {
      if (m.needsPdf && !pdf) continue;
      const since = Date.now();
      const child = start();
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      let browsers: number[] = [];
      const reached = await until(() => {
        if (m.needsPdf) {
          browsers = browserChildren(child.pid!);
          return browsers.length > 0;
        }
        return m.when(child.pid!, since);
      });
      expect(reached, `${m.name}: the moment never came`).toBe(true);
      // Inside page.pdf() for the PDF moments.
      await new Promise((r) => setTimeout(r, m.delayMs ?? (m.needsPdf ? 1500 : 0)));
      child.kill(m.signal);
      const code = await exited;
      if (m.signal === 'SIGKILL') orphans.push(...browsers);
      else {
        expect(code, `${m.name}: ${stderr}`).toBe(2);
        expect(stderr, m.name).toMatch(/stopped by SIG(INT|TERM); the previous report packet is unchanged/);
        expect(stderr, m.name).not.toMatch(/bug in bcid|Error:/);
        for (const b of browsers) expect(await until(() => !alive(b), 5_000), `${m.name}: browser ${b} outlived the run`).toBe(true);
      }
      expect(hashes(packet), m.name).toEqual(before);
      const verify = await runCli(['--root', root, 'verify', packet], root);
      expect(verify.code, `${m.name}: ${verify.stderr}`).toBe(0);
    }

    // The next run cleans what the killed ones left (staging folders, a stale lock) and swaps in a whole new packet.
    const last = spawnSync(process.execPath, [path.join(pkg, 'bin', 'bcid.js'), ...runArgs], { encoding: 'utf8' });
    expect(last.status, last.stderr).toBe(0);
    expect(readdirSync(path.dirname(packet))).toEqual(['baseline']);
    const after = hashes(packet);
    expect(after.get('dossier-fr.html')).not.toBe(before.get('dossier-fr.html'));
    expect(after.get('results.json')).not.toBe(before.get('results.json'));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect((await runCli(['--root', root, 'verify', packet], root)).code).toBe(0);
  }, 600_000);
});
