/**
 * Issue 12, items 1, 2, 6, 8, 13 and 15 through the CLI: inputs are never
 * overwritten, a packet holds only what its run produced, `verify` notices
 * anything else, environment problems exit 1 or 2 with one sentence.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/io/hash.js';
import { disposableFolders } from '../helpers/project.js';
import { runCli } from './run-cli.js';

const folders = disposableFolders();
const project = folders.project;
const outsideFolder = (): string => folders.folder('bcid-outside-');
function dataHashes(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(path.join(root, 'data'))) out[f] = sha256(readFileSync(path.join(root, 'data', f)));
  return out;
}
const run = (root: string, ...args: string[]) => runCli(['--root', root, 'run', 'baseline', '--no-pdf', '--quiet', ...args], root);

describe('inputs are never overwritten (issue 12, items 1 and 2)', () => {
  it('a tables/ link to data/ inside the packet does not turn an output table into members.csv', async () => {
    const root = project();
    expect((await run(root)).code).toBe(0);
    const before = dataHashes(root);
    const tables = path.join(root, 'reports', 'baseline', 'tables');
    rmSync(tables, { recursive: true });
    symlinkSync('../../data', tables);
    const r = await run(root);
    expect(r.code, r.stderr).toBe(0);
    expect(dataHashes(root)).toEqual(before);
    // The packet's tables/ is a real folder again, written by the run, not the link.
    expect(readdirSync(tables)).toContain('members.csv');
    expect(readFileSync(path.join(tables, 'members.csv'), 'utf8')).not.toBe(readFileSync(path.join(root, 'data', 'members.csv'), 'utf8'));
  }, 60_000);

  it('a charts/ link to a folder outside the project lets nothing be written there', async () => {
    const root = project();
    expect((await run(root)).code).toBe(0);
    const outside = outsideFolder();
    const charts = path.join(root, 'reports', 'baseline', 'charts');
    rmSync(charts, { recursive: true });
    symlinkSync(outside, charts);
    expect((await run(root)).code).toBe(0);
    expect(readdirSync(outside)).toEqual([]);
  }, 60_000);

  it('refuses a report folder that is a link into data/, with exit 2', async () => {
    const root = project();
    mkdirSync(path.join(root, 'reports'));
    symlinkSync('../data', path.join(root, 'reports', 'baseline'));
    const before = dataHashes(root);
    const r = await run(root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/inputs are never overwritten/);
    expect(dataHashes(root)).toEqual(before);
  });

  it('refuses --out on a folder that holds the inputs or is not a report packet', async () => {
    const root = project();
    const r = await run(root, '--out', '.', '--allow-outside');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/replaces its whole report folder/);
    const other = outsideFolder();
    writeFileSync(path.join(other, 'notes.txt'), 'mine');
    const s = await run(root, '--out', other, '--allow-outside');
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/not a report packet/);
    expect(readFileSync(path.join(other, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('--export-lp never overwrites an input and needs --allow-outside to leave reports/', async () => {
    const root = project();
    const before = dataHashes(root);
    const onInput = await runCli(['--root', root, 'run', 'baseline', '--method', 'optimal', '--no-pdf', '--quiet', '--export-lp', 'data/projects.csv'], root);
    expect(onInput.code).toBe(2);
    expect(onInput.stderr).toMatch(/--export-lp data\/projects\.csv.*(a file this run reads|input folder)/);
    expect(dataHashes(root)).toEqual(before);
    const outside = path.join(outsideFolder(), 'allocation.lp');
    const absolute = await runCli(['--root', root, 'run', 'baseline', '--method', 'optimal', '--no-pdf', '--quiet', '--export-lp', outside], root);
    expect(absolute.code).toBe(2);
    expect(absolute.stderr).toMatch(/--allow-outside/);
    expect(existsSync(outside)).toBe(false);
    const allowed = await runCli(['--root', root, 'run', 'baseline', '--method', 'optimal', '--no-pdf', '--quiet', '--allow-outside', '--export-lp', outside], root);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(readFileSync(outside, 'utf8')).toMatch(/subject to/i);
  }, 120_000);

  it('--export-lp refuses, through a link, a file the run reads', async () => {
    const root = project();
    mkdirSync(path.join(root, 'reports'));
    symlinkSync('../scenarios/baseline.yaml', path.join(root, 'reports', 'model.lp'));
    const before = readFileSync(path.join(root, 'scenarios', 'baseline.yaml'), 'utf8');
    const r = await runCli(['--root', root, 'run', 'baseline', '--method', 'optimal', '--no-pdf', '--quiet', '--export-lp', path.join(root, 'reports', 'model.lp')], root);
    expect(r.code).toBe(2);
    expect(readFileSync(path.join(root, 'scenarios', 'baseline.yaml'), 'utf8')).toBe(before);
  });
});

describe('a packet holds only what its run produced (issue 12, item 6)', () => {
  it('a rerun with fewer languages removes the old dossiers, and verify rejects any unlisted file', async () => {
    const root = project();
    const packet = path.join(root, 'reports', 'baseline');
    expect((await run(root, '--lang', 'fr,ar')).code).toBe(0);
    expect(existsSync(path.join(packet, 'dossier-ar.html'))).toBe(true);
    expect((await run(root, '--lang', 'fr')).code).toBe(0);
    expect(existsSync(path.join(packet, 'dossier-ar.html'))).toBe(false);
    expect((await runCli(['--root', root, 'verify', packet], root)).code).toBe(0);

    writeFileSync(path.join(packet, 'dossier-ar.pdf'), '%PDF-1.7 stale');
    const v = await runCli(['--root', root, 'verify', packet], root);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/not listed in manifest\.json.*dossier-ar\.pdf/);
    expect(v.stderr).toMatch(/NOT intact/);
  }, 60_000);

  it('verify on a corrupt manifest says so in one sentence, exit 1, not a bug', async () => {
    const root = project();
    const packet = path.join(root, 'reports', 'baseline');
    expect((await run(root)).code).toBe(0);
    const manifest = path.join(packet, 'manifest.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').slice(0, 200));
    const v = await runCli(['--root', root, 'verify', packet], root);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/not a readable bcid manifest/);
    expect(v.stderr).not.toMatch(/bug/);
  }, 60_000);
});

describe('one run at a time on a packet (issue 12, item 8)', () => {
  it('a second run exits 2 naming the PID that holds the lock; a dead holder’s lock is taken over', async () => {
    const root = project();
    mkdirSync(path.join(root, 'reports'));
    const lock = path.join(root, 'reports', '.baseline.lock');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(lock, `${holder.pid}\n`);
      const r = await run(root);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`PID ${holder.pid}`);
      expect(existsSync(path.join(root, 'reports', 'baseline'))).toBe(false);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.on('exit', resolve));
    }
    const r = await run(root);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);
  }, 60_000);
});

describe('environment problems are not bugs (issue 12, item 13)', () => {
  it('EEXIST: a file where the reports folder should be: exit 2, one sentence with the fix', async () => {
    const root = project();
    writeFileSync(path.join(root, 'reports'), 'a file');
    const r = await run(root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a file stands where a folder is needed/);
    expect(r.stderr).not.toMatch(/bug in bcid/);
  });

  it.runIf(process.getuid?.() !== 0)('EACCES: a read-only reports folder: exit 2, nothing half-written', async () => {
    const root = project();
    mkdirSync(path.join(root, 'reports'), { mode: 0o555 });
    const r = await run(root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write into|permission denied/);
  });

  it('a broken Chromium: exit 2, one plain sentence without Playwright’s log or colour codes', async () => {
    const root = project();
    const fake = path.join(outsideFolder(), 'chromium');
    writeFileSync(fake, '#!/bin/sh\necho "\\033[31mboom\\033[0m" >&2\nexit 1\n', { mode: 0o755 });
    const saved = process.env.BCID_CHROMIUM;
    process.env.BCID_CHROMIUM = fake;
    try {
      const r = await runCli(['--root', root, 'run', 'baseline', '--quiet'], root);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^bcid: Chromium at .* could not print the PDF dossier .*--no-pdf\.\n$/);
      expect(r.stderr).not.toContain('\x1b');
      expect(r.stderr).not.toContain('====');
      expect(existsSync(path.join(root, 'reports', 'baseline'))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.BCID_CHROMIUM;
      else process.env.BCID_CHROMIUM = saved;
    }
  }, 60_000);

  it('a missing Chromium is found before anything is written: exit 2', async () => {
    const root = project();
    const saved = process.env.BCID_CHROMIUM;
    process.env.BCID_CHROMIUM = path.join(root, 'no-such-chromium');
    try {
      const r = await runCli(['--root', root, 'run', 'baseline', '--quiet'], root);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/Chromium was not found/);
      expect(existsSync(path.join(root, 'reports'))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.BCID_CHROMIUM;
      else process.env.BCID_CHROMIUM = saved;
    }
  });
});
