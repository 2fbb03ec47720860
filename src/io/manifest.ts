import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from './hash.js';
import { readManifest } from './manifest-read.js';
import { packetEntries } from './packet-listing.js';

export { MANIFEST_FILE, type Manifest, type ManifestEntry } from './manifest-types.js';
import { MANIFEST_FILE, type ManifestEntry } from './manifest-types.js';

export interface VerifyReport {
  readonly changedOutputs: readonly string[];
  readonly missingOutputs: readonly string[];
  readonly changedInputs: readonly string[];
  readonly missingInputs: readonly string[];
  /** Files in the packet folder that the manifest does not list (stale, or slipped in). */
  readonly unlistedOutputs: readonly string[];
  readonly ok: boolean;
}

/** Re-hashes a packet and the inputs it names. */
export function verifyPacket(packetDir: string, projectRoot: string): VerifyReport {
  const manifest = readManifest(path.join(packetDir, MANIFEST_FILE));
  const check = (base: string, entries: readonly ManifestEntry[]) => {
    const changed: string[] = [];
    const missing: string[] = [];
    for (const e of entries) {
      const file = path.join(base, e.path);
      if (!existsSync(file) || !statSync(file).isFile()) missing.push(e.path);
      else if (sha256(readFileSync(file)) !== e.sha256) changed.push(e.path);
    }
    return { changed, missing };
  };
  const outputs = check(packetDir, manifest.outputs);
  const inputs = check(projectRoot, manifest.inputs);
  const listed = new Set(manifest.outputs.map((e) => e.path));
  const unlisted = packetEntriesNames(packetDir).filter((p) => !listed.has(p));
  return {
    unlistedOutputs: unlisted,
    changedOutputs: outputs.changed,
    missingOutputs: outputs.missing,
    changedInputs: inputs.changed,
    missingInputs: inputs.missing,
    ok: outputs.changed.length + outputs.missing.length + inputs.changed.length + inputs.missing.length + unlisted.length === 0,
  };
}

function packetEntriesNames(dir: string): string[] {
  return packetEntries(dir).map((e) => e.path);
}
