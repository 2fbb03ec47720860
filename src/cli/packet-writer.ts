/**
 * The one way a command writes a report packet: in a staging folder swapped in
 * whole (`withPacket`), each file checked, written atomically and hashed, then
 * the manifest listing the inputs and every file of the packet.
 */
import { mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { writePacket } from '../io/packet-writer.js';
import { packetEntries } from '../io/packet-listing.js';
import { assertPacketRelative, checkWrite, realInputs } from '../io/write-guard.js';
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
  private readonly real: string;

  /**
   * Writes into `dir`, a staging folder of `withPacket`: each write is checked to
   * land, links followed, inside it and on no file in `inputs` (real paths).
   */
  constructor(
    readonly dir: string,
    private readonly inputs: ReadonlySet<string> = new Set(),
  ) {
    removeLeftoverTemporaries(dir);
    this.real = realpathSync(dir);
  }

  write(relative: string, bytes: Uint8Array | string): void {
    assertPacketRelative(relative);
    const target = path.join(this.real, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    checkWrite(target, { permitted: [this.real], forbidden: [], inputs: this.inputs }, relative);
    writeFileAtomic(target, bytes);
    const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    this.entries.push({ path: relative, sha256: sha256(buffer), bytes: buffer.length });
  }

  get written(): readonly ManifestEntry[] {
    return this.entries;
  }

  /**
   * Writes manifest.json listing every file of the packet: `bcid verify` fails on
   * any file it does not list (issue 12), timings (performance.json) included.
   */
  finish(facts: ManifestFacts, paths: ProjectPaths, io: CliIo): Manifest {
    const manifest: Manifest = {
      tool: 'bcid-aes',
      version: VERSION,
      scenario: facts.scenario,
      seed: facts.seed,
      gitCommit: gitCommit(paths.root),
      createdAt: io.now().toISOString(),
      inputs: facts.inputs.map((f) => ({ path: f.path, sha256: f.sha256, role: f.role })),
      outputs: packetEntries(this.real),
    };
    writeFileAtomic(path.join(this.real, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  }
}

/**
 * The one way a command writes a packet folder: built whole in a staging folder
 * beside `dir` under the packet's lock, then swapped in (io/packet-writer.ts).
 * A failure or a signal leaves the previous packet exactly as it was.
 * `carry` copies files of the previous packet in first (`bcid dossier` keeps
 * the run's files and replaces only the dossiers).
 */
export async function withPacket<T>(
  dir: string,
  paths: ProjectPaths,
  inputs: readonly InputFile[],
  build: (writer: PacketWriter) => Promise<T>,
  options: { readonly carry?: readonly string[] } = {},
): Promise<T> {
  const real = realInputs(inputs.map((f) => path.resolve(paths.root, f.path)));
  return writePacket(dir, (staging) => build(new PacketWriter(staging, real)), { inputs: real, ...(options.carry ? { carry: options.carry } : {}) });
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
