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
