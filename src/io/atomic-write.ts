import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes a file so that readers see either the old content or the new, never
 * half of it: write a temporary file beside the target, flush it, rename it over.
 * An interrupted run (SIGINT, crash, full disk) leaves the previous report intact.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array | string): void {
  const dir = path.dirname(target);
  mkdirSync(dir, { recursive: true });
  const temporary = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx', 0o644);
  try {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    let written = 0;
    while (written < data.length) written += writeSync(fd, data, written, data.length - written);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(temporary, target);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
}

/** Temporary files left by a writer that was killed: `.name.<pid>.<hex>.tmp`. */
const LEFTOVER = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** Removes leftovers of interrupted runs under `dir` whose writing process is gone. */
export function removeLeftoverTemporaries(dir: string): number {
  let removed = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const m = LEFTOVER.exec(entry.name);
        if (m && !processAlive(Number(m[1]))) {
          rmSync(full, { force: true });
          removed += 1;
        }
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return removed;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
