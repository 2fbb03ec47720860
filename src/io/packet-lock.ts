import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { processAlive } from './process-alive.js';

/** Another live process is writing the same packet: exit 2, naming it. */
export class PacketLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: number,
  ) {
    super(`another bcid process (PID ${holder}) is writing this report packet; wait for it to finish, or stop it (kill ${holder}) and run again`);
    this.name = 'PacketLockedError';
  }
}

export interface PacketLock {
  readonly file: string;
  /** Removes the lock file if it is still ours. Idempotent and synchronous (safe in a signal handler). */
  release(): void;
}

/** `.<packet>.lock` beside the packet folder: the folder itself is swapped, so the lock cannot live inside it. */
export function lockFileFor(targetDir: string): string {
  return path.join(path.dirname(targetDir), `.${path.basename(targetDir)}.lock`);
}

function holderOf(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Takes the lock of a packet folder with an exclusive create. A lock whose
 * process is dead (a run killed with -9) is taken over; a live holder makes
 * this throw `PacketLockedError` at once, so two runs never mix their outputs.
 */
export function acquirePacketLock(targetDir: string, pid: number = process.pid): PacketLock {
  const file = lockFileFor(targetDir);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o644);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = holderOf(file);
      if (holder !== null && holder !== pid && processAlive(holder)) throw new PacketLockedError(file, holder);
      // Stale (dead holder, or an empty file of a writer killed between create and write): take it over.
      rmSync(file, { force: true });
      continue;
    }
    try {
      writeSync(fd, `${pid}\n`);
    } finally {
      closeSync(fd);
    }
    let released = false;
    return {
      file,
      release: () => {
        if (released) return;
        released = true;
        if (holderOf(file) === pid) rmSync(file, { force: true });
      },
    };
  }
  const holder = holderOf(file) ?? 0;
  throw new PacketLockedError(file, holder);
}
