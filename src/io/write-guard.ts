/**
 * Where a write would really land, symbolic links followed, checked before it
 * happens. Every folder on the way is resolved (not only the top one), so a
 * `tables -> ../../data` link cannot turn a report table into an input file.
 */
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isInside } from './project-paths.js';

export class UnsafeWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeWriteError';
  }
}

/** The real path a (possibly not yet existing) file would have: its nearest existing ancestor resolved, the rest appended. */
export function realDestination(target: string): string {
  let existing = path.resolve(target);
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    rest.unshift(path.basename(existing));
    existing = parent;
  }
  return path.join(realpathSync(existing), ...rest);
}

/** Real paths of the files a run reads (missing ones kept as given). */
export function realInputs(files: readonly string[]): Set<string> {
  return new Set(files.map((f) => (existsSync(f) ? realpathSync(f) : path.resolve(f))));
}

export interface WriteRules {
  /** Real folders a write may land in; empty means anywhere (--allow-outside). */
  readonly permitted: readonly string[];
  /** Real folders never written into (data/, scenarios/). */
  readonly forbidden: readonly string[];
  /** Real paths of every file the run reads. */
  readonly inputs: ReadonlySet<string>;
}

/** Throws `UnsafeWriteError` unless writing `target` keeps every rule; returns where it would land. */
export function checkWrite(target: string, rules: WriteRules, shown: string = target): string {
  const real = realDestination(target);
  if (rules.inputs.has(real)) throw new UnsafeWriteError(`refusing to write ${shown}: it is (or links to) ${real}, a file this run reads; inputs are never overwritten`);
  for (const f of rules.forbidden) {
    if (isInside(f, real)) throw new UnsafeWriteError(`refusing to write ${shown}: it resolves to ${real}, inside the input folder ${f}; inputs are never overwritten`);
  }
  if (rules.permitted.length > 0 && !rules.permitted.some((p) => isInside(p, real))) {
    throw new UnsafeWriteError(`refusing to write ${shown}: it resolves to ${real}, outside ${rules.permitted.join(', ')}; pass --allow-outside to write there`);
  }
  if (existsSync(target) && lstatSync(target).isDirectory()) throw new UnsafeWriteError(`refusing to write ${shown}: a folder is there`);
  return real;
}

/** A path relative to a packet folder: no absolute paths, no `..`, forward slashes. */
export function assertPacketRelative(relative: string): void {
  if (relative === '' || path.isAbsolute(relative) || relative.split(/[\\/]/).some((s) => s === '..' || s === '')) {
    throw new UnsafeWriteError(`refusing to write "${relative}": packet files are named relative to the packet folder, without ".."`);
  }
}

/** A packet swap replaces its whole folder: refuse a folder that holds a file the run reads. */
export function assertNoInputsInside(folderReal: string, inputs: ReadonlySet<string>): void {
  for (const input of inputs) {
    if (isInside(folderReal, input)) throw new UnsafeWriteError(`refusing to use ${folderReal} as the report folder: it holds ${input}, a file this run reads, and a run replaces its whole report folder`);
  }
}
