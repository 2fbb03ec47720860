/**
 * The one way a command writes a report packet: each file atomically, hashed
 * as it is written, then the manifest listing the inputs and every output.
 */
import path from 'node:path';
import { removeLeftoverTemporaries, writeFileAtomic } from '../io/atomic-write.js';
import { gitCommit } from '../io/git-commit.js';
import { sha256 } from '../io/hash.js';
import type { InputFile } from '../io/load-run-inputs.js';
import { MANIFEST_FILE, type Manifest, type ManifestEntry } from '../io/manifest.js';
import type { ProjectPaths } from '../io/project-paths.js';
import type { CliIo } from './io.js';
import { VERSION } from './version.js';

export interface ManifestFacts {
  /** The packet's name: the scenario, or compare-A-B… */
  readonly scenario: string;
  readonly seed: number;
  readonly inputs: readonly InputFile[];
}

export class PacketWriter {
  private readonly entries: ManifestEntry[] = [];

  constructor(readonly dir: string) {
    removeLeftoverTemporaries(dir);
  }

  write(relative: string, bytes: Uint8Array | string): void {
    writeFileAtomic(path.join(this.dir, relative), bytes);
    const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    this.entries.push({ path: relative, sha256: sha256(buffer), bytes: buffer.length });
  }

  get written(): readonly ManifestEntry[] {
    return this.entries;
  }

  /** Writes manifest.json; `unlisted` files (timings that differ run to run) are written but not listed. */
  finish(facts: ManifestFacts, paths: ProjectPaths, io: CliIo, unlisted: readonly string[] = []): Manifest {
    const manifest: Manifest = {
      tool: 'bcid-aes',
      version: VERSION,
      scenario: facts.scenario,
      seed: facts.seed,
      gitCommit: gitCommit(paths.root),
      createdAt: io.now().toISOString(),
      inputs: facts.inputs.map((f) => ({ path: f.path, sha256: f.sha256, role: f.role })),
      outputs: this.entries.filter((e) => !unlisted.includes(e.path)).sort((a, b) => a.path.localeCompare(b.path)),
    };
    writeFileAtomic(path.join(this.dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  }
}

/** Input files of several runs, each once, in first-seen order. */
export function uniqueInputs(lists: readonly (readonly InputFile[])[]): InputFile[] {
  const seen = new Map<string, InputFile>();
  for (const list of lists) for (const f of list) if (!seen.has(f.path)) seen.set(f.path, f);
  return [...seen.values()];
}

/** Named in every chart footer: the data files actually read (`bcid-aes · data/projects.csv, …`). */
export function dataSource(files: readonly { readonly role?: string; readonly path: string }[]): string {
  // A manifest written before inputs had roles: its data files are the CSV ones.
  const data = files.filter((f) => (f.role === undefined ? f.path.endsWith('.csv') : f.role !== 'scenario')).map((f) => f.path);
  return `bcid-aes · ${[...new Set(data)].join(', ')}`;
}
