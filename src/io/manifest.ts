import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from './hash.js';

/**
 * reports/<scenario>/manifest.json: what a report packet was made from and
 * what it holds, so `bcid verify` can tell a tampered or stale packet.
 */
export interface Manifest {
  readonly tool: 'bcid-aes';
  readonly version: string;
  readonly scenario: string;
  readonly seed: number;
  readonly gitCommit: string | null;
  /** The only field that differs between two runs on the same inputs. */
  readonly createdAt: string;
  readonly inputs: readonly ManifestEntry[];
  readonly outputs: readonly ManifestEntry[];
}

export interface ManifestEntry {
  /** Inputs: relative to the project root; outputs: relative to the packet folder. */
  readonly path: string;
  readonly sha256: string;
  readonly bytes?: number;
  readonly role?: string;
}

export const MANIFEST_FILE = 'manifest.json';

export interface VerifyReport {
  readonly changedOutputs: readonly string[];
  readonly missingOutputs: readonly string[];
  readonly changedInputs: readonly string[];
  readonly missingInputs: readonly string[];
  readonly ok: boolean;
}

/** Re-hashes a packet and the inputs it names. */
export function verifyPacket(packetDir: string, projectRoot: string): VerifyReport {
  const manifest = JSON.parse(readFileSync(path.join(packetDir, MANIFEST_FILE), 'utf8')) as Manifest;
  const check = (base: string, entries: readonly ManifestEntry[]) => {
    const changed: string[] = [];
    const missing: string[] = [];
    for (const e of entries) {
      const file = path.join(base, e.path);
      if (!existsSync(file)) missing.push(e.path);
      else if (sha256(readFileSync(file)) !== e.sha256) changed.push(e.path);
    }
    return { changed, missing };
  };
  const outputs = check(packetDir, manifest.outputs);
  const inputs = check(projectRoot, manifest.inputs);
  return {
    changedOutputs: outputs.changed,
    missingOutputs: outputs.missing,
    changedInputs: inputs.changed,
    missingInputs: inputs.missing,
    ok: outputs.changed.length + outputs.missing.length + inputs.changed.length + inputs.missing.length === 0,
  };
}
