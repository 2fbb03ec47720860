import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquirePacketLock, lockFileFor, PacketLockedError } from '../../src/io/packet-lock.js';
import { PacketTargetError, writePacket } from '../../src/io/packet-writer.js';
import { PacketWriter } from '../../src/cli/packet-writer.js';
import { UnsafeWriteError } from '../../src/io/write-guard.js';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});
function temp(): string {
  const t = mkdtempSync(path.join(tmpdir(), 'bcid-packet-'));
  temps.push(t);
  return t;
}

/** A pid that surely names no live process: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), rel);
      else out[rel] = readFileSync(path.join(d, e.name), 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

async function packet(target: string, files: Record<string, string>): Promise<void> {
  await writePacket(target, async (staging) => {
    const out = new PacketWriter(staging);
    for (const [p, text] of Object.entries(files)) out.write(p, text);
    writeFileSync(path.join(staging, 'manifest.json'), '{}');
  });
}

describe('writePacket', () => {
  it('swaps the whole packet in: files of the previous run that this run does not produce are gone', async () => {
    const target = path.join(temp(), 'reports', 'baseline');
    await packet(target, { 'a.csv': 'old', 'dossier-ar.pdf': 'old pdf', 'tables/t.csv': 'old' });
    await packet(target, { 'a.csv': 'new', 'tables/t.csv': 'new' });
    expect(tree(target)).toEqual({ 'a.csv': 'new', 'tables/t.csv': 'new', 'manifest.json': '{}' });
    expect(readdirSync(path.dirname(target))).toEqual(['baseline']);
  });

  it('leaves the previous packet exactly as it was when the build fails, and removes its staging folder', async () => {
    const target = path.join(temp(), 'baseline');
    await packet(target, { 'a.csv': 'old' });
    const before = tree(target);
    await expect(
      writePacket(target, async (staging) => {
        writeFileSync(path.join(staging, 'a.csv'), 'half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(tree(target)).toEqual(before);
    expect(readdirSync(path.dirname(target))).toEqual(['baseline']);
  });

  it('puts back a previous packet left under its .old name by a run killed mid-swap, and removes dead runs’ staging folders', async () => {
    const parent = temp();
    const target = path.join(parent, 'baseline');
    const dead = deadPid();
    mkdirSync(path.join(parent, `.baseline.old-${dead}-0123abcd`));
    writeFileSync(path.join(parent, `.baseline.old-${dead}-0123abcd`, 'manifest.json'), 'previous');
    mkdirSync(path.join(parent, `.baseline.staging-${dead}-89abcdef`));
    writeFileSync(path.join(parent, `.baseline.staging-${dead}-89abcdef`, 'half.csv'), 'half');
    let seen: Record<string, string> = {};
    await writePacket(target, async (staging) => {
      seen = tree(target);
      writeFileSync(path.join(staging, 'manifest.json'), 'new');
    });
    expect(seen).toEqual({ 'manifest.json': 'previous' });
    expect(tree(target)).toEqual({ 'manifest.json': 'new' });
    expect(readdirSync(parent)).toEqual(['baseline']);
  });

  it('refuses to replace a folder that is not a report packet (it would be emptied)', async () => {
    const target = temp();
    writeFileSync(path.join(target, 'thesis.docx'), 'years of work');
    await expect(packet(target, { 'a.csv': 'x' })).rejects.toThrow(PacketTargetError);
    expect(readFileSync(path.join(target, 'thesis.docx'), 'utf8')).toBe('years of work');
  });

  it('carries the named subfolders of the previous packet in, before the build reads them', async () => {
    const target = path.join(temp(), 'baseline');
    await packet(target, { 'risk/montecarlo.json': 'mc', 'old.csv': 'stale' });
    let read = '';
    await writePacket(
      target,
      async (staging) => {
        read = readFileSync(path.join(staging, 'risk', 'montecarlo.json'), 'utf8');
        writeFileSync(path.join(staging, 'manifest.json'), '{}');
      },
      { carry: ['risk'] },
    );
    expect(read).toBe('mc');
    expect(tree(target)).toEqual({ 'risk/montecarlo.json': 'mc', 'manifest.json': '{}' });
  });
});

describe('packet files', () => {
  it('refuse a write that a link would carry onto a file the run reads, or out of the staging folder', () => {
    const root = temp();
    const staging = path.join(root, 'staging');
    const data = path.join(root, 'data');
    mkdirSync(staging);
    mkdirSync(data);
    writeFileSync(path.join(data, 'members.csv'), 'input');
    symlinkSync(data, path.join(staging, 'tables'));
    const out = new PacketWriter(staging, new Set([path.join(data, 'members.csv')]));
    expect(() => out.write('tables/members.csv', 'table')).toThrow(UnsafeWriteError);
    expect(() => out.write('tables/other.csv', 'table')).toThrow(/outside/);
    expect(() => out.write('../escape.csv', 'x')).toThrow(UnsafeWriteError);
    expect(readFileSync(path.join(data, 'members.csv'), 'utf8')).toBe('input');
    expect(readdirSync(data)).toEqual(['members.csv']);
  });
});

describe('packet lock', () => {
  it('makes a second writer fail at once, naming the PID that holds the lock', async () => {
    const target = path.join(temp(), 'baseline');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(lockFileFor(target), `${holder.pid}\n`);
      let caught: unknown;
      try {
        acquirePacketLock(target);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(PacketLockedError);
      expect((caught as Error).message).toContain(`PID ${holder.pid}`);
      await expect(packet(target, { 'a.csv': 'x' })).rejects.toThrow(PacketLockedError);
      expect(existsSync(target)).toBe(false);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over the lock of a dead process, and releases its own', () => {
    const target = path.join(temp(), 'baseline');
    writeFileSync(lockFileFor(target), `${deadPid()}\n`);
    const lock = acquirePacketLock(target);
    expect(readFileSync(lockFileFor(target), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(existsSync(lockFileFor(target))).toBe(false);
  });
});
