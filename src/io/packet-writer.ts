/**
 * All-or-nothing report packets. A packet folder is built whole in a staging
 * folder beside it (same parent, so same file system), then swapped in with two
 * renames; the previous packet is removed only after the new one is in place.
 *
 *   reports/.baseline.staging-<pid>-<hex>/   the run writes here, and only here
 *   reports/.baseline.old-<pid>-<hex>/       the previous packet, for the instant of the swap
 *   reports/.baseline.lock                   PID of the run holding the packet
 *
 * A run killed at any moment (SIGKILL included) leaves the previous packet
 * exactly as it was: before the swap it was never touched; between the two
 * renames (microseconds) it sits under its `.old` name and the next run puts it
 * back before doing anything else. Staging folders of dead runs are removed.
 */
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { acquirePacketLock } from './packet-lock.js';
import { onInterruptSync } from './interrupt.js';
import { processAlive } from './process-alive.js';
import { MANIFEST_FILE } from './manifest-types.js';
import { assertWritableFolder } from './preflight.js';
import { assertNoInputsInside, realDestination } from './write-guard.js';

export class PacketTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PacketTargetError';
  }
}

export interface WritePacketOptions {
  /**
   * Top-level entries of the previous packet that other commands write and
   * this run reads (today risk/, from `bcid risk` and `bcid compare`, and
   * risk/comparison.json in the risk packet): copied
   * into the staging folder before `build`, so the build reads them there and
   * lists them in its manifest like every other file of the packet.
   */
  readonly carry?: readonly string[];
  /** Real paths of the files the run reads: none may sit inside the folder being replaced. */
  readonly inputs?: ReadonlySet<string>;
}

const WORK_DIR = /^\.(.+)\.(staging|old)-(\d+)-[0-9a-f]{8}$/;

function workDir(targetDir: string, kind: 'staging' | 'old'): string {
  return path.join(path.dirname(targetDir), `.${path.basename(targetDir)}.${kind}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Before anything: put back a previous packet left under its `.old` name by a
 * run killed mid-swap, and remove the staging folders of dead runs. Runs under
 * the lock, so no live run's folders are touched.
 */
export function recoverInterruptedSwap(targetDir: string): { restored: boolean; removed: number } {
  const parent = path.dirname(targetDir);
  const name = path.basename(targetDir);
  let restored = false;
  let removed = 0;
  if (!existsSync(parent)) return { restored, removed };
  for (const entry of readdirSync(parent)) {
    const m = WORK_DIR.exec(entry);
    if (!m || m[1] !== name || processAlive(Number(m[3]))) continue;
    const full = path.join(parent, entry);
    if (m[2] === 'old' && !existsSync(targetDir)) {
      renameSync(full, targetDir);
      restored = true;
    } else {
      rmSync(full, { recursive: true, force: true });
      removed += 1;
    }
  }
  return { restored, removed };
}

/**
 * Refuses a target that the swap would wrongly replace: an existing folder that
 * is not a report packet (no manifest.json) and holds more than the carried
 * folders, or a file. A run replaces its whole folder: `--out ~/Documents`
 * must be refused, not emptied.
 */
export function assertReplaceablePacket(targetDir: string, carried: readonly string[] = []): void {
  if (!existsSync(targetDir)) return;
  const stat = lstatSync(targetDir);
  if (stat.isSymbolicLink()) throw new PacketTargetError(`${targetDir} is a symbolic link; give the real folder it points to with --out`);
  if (!stat.isDirectory()) throw new PacketTargetError(`${targetDir} exists and is not a folder; remove it or choose another --out`);
  const entries = readdirSync(targetDir).filter((e) => !carried.includes(e));
  if (entries.length > 0 && !entries.includes(MANIFEST_FILE)) {
    throw new PacketTargetError(`${targetDir} is not empty and holds no ${MANIFEST_FILE}, so it is not a report packet; a run replaces its whole folder, so choose a new or empty folder with --out`);
  }
}

/** Copies the carried entries of the previous packet into the staging folder (symbolic links are never followed or kept). */
function carryEntries(previous: string, staging: string, names: readonly string[]): void {
  for (const name of names) {
    const from = path.join(previous, name);
    if (!existsSync(from)) continue;
    const stat = lstatSync(from);
    if (stat.isDirectory()) copyTree(from, path.join(staging, name));
    else if (stat.isFile()) copyFileSync(from, path.join(staging, name));
  }
}

function copyTree(from: string, to: string): void {
  mkdirSync(to);
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(a, b);
    else if (entry.isFile()) copyFileSync(a, b); // a copy, not a link: editing one packet never changes another
  }
}

/**
 * Builds a packet with `build(stagingDir)` and swaps it in for `targetDir`.
 * On any failure or interruption the staging folder is removed and the
 * previous packet is left untouched. Holds the packet lock throughout.
 */
export async function writePacket<T>(targetDir: string, build: (stagingDir: string) => Promise<T>, options: WritePacketOptions = {}): Promise<T> {
  const parent = path.dirname(targetDir);
  mkdirSync(parent, { recursive: true });
  assertWritableFolder(parent);
  const lock = acquirePacketLock(targetDir);
  const staging = workDir(targetDir, 'staging');
  const cleanup = () => {
    rmSync(staging, { recursive: true, force: true });
    lock.release();
  };
  const forget = onInterruptSync(cleanup);
  try {
    recoverInterruptedSwap(targetDir);
    assertReplaceablePacket(targetDir, options.carry ?? []);
    if (options.inputs) assertNoInputsInside(realDestination(targetDir), options.inputs);
    mkdirSync(staging);
    if (options.carry && existsSync(targetDir)) carryEntries(targetDir, staging, options.carry);
    const result = await build(realpathSync(staging));
    swapIn(staging, targetDir);
    return result;
  } finally {
    cleanup();
    forget();
  }
}

/** Two renames; the old packet is deleted only once the new one is in place. */
function swapIn(staging: string, targetDir: string): void {
  if (!existsSync(targetDir)) {
    renameSync(staging, targetDir);
    return;
  }
  const old = workDir(targetDir, 'old');
  renameSync(targetDir, old);
  try {
    renameSync(staging, targetDir);
  } catch (e) {
    renameSync(old, targetDir);
    throw e;
  }
  // rmSync never follows symbolic links: a link planted in the old packet is removed, not its target.
  rmSync(old, { recursive: true, force: true });
}
