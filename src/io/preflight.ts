import { accessSync, constants, statfsSync } from 'node:fs';

/** The environment cannot take the write (permissions, read-only or full disk): exit 2 with the fix. */
export class EnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvironmentError';
  }
}

/** A report packet is a few megabytes; refuse to start below this much free space. */
export const MIN_FREE_BYTES = 32 * 1024 * 1024;

/**
 * Checks, before the first write, that a folder can take a packet: it is
 * writable by us and its disk has room. What cannot be checked ahead (a disk
 * filling up meanwhile) is caught by the staging folder anyway.
 */
export function assertWritableFolder(dir: string, minFreeBytes: number = MIN_FREE_BYTES): void {
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EROFS') throw new EnvironmentError(`${dir} is on a read-only file system; choose another folder with --out`);
    throw new EnvironmentError(`cannot write into ${dir} (${code ?? 'no permission'}); fix its permissions or choose another folder with --out`);
  }
  let free: number | null;
  try {
    const s = statfsSync(dir);
    free = s.bavail * s.bsize;
  } catch {
    free = null; // not every file system reports it; the write itself will tell
  }
  if (free !== null && free < minFreeBytes) {
    throw new EnvironmentError(`the disk holding ${dir} has only ${Math.floor(free / 1024 / 1024)} MB free; free some space (a report packet needs about ${minFreeBytes / 1024 / 1024} MB) and run again`);
  }
}
