import { mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { packetEntries } from './packet-listing.js';
import type { ManifestEntry } from './manifest-types.js';
import { assertPacketRelative, checkWrite } from './write-guard.js';

export interface PacketFiles {
  /** Writes one packet file (path relative to the packet) and lists it for the manifest. */
  write(relative: string, bytes: Uint8Array | string): void;
  /**
   * Every file in the staging folder, sorted by path, for the manifest's
   * `outputs`: what this build wrote and what was carried in. Nothing in a
   * packet is left out of its manifest.
   */
  entries(): ManifestEntry[];
}

/**
 * The only way files enter a staging folder: each write is checked to land,
 * symbolic links followed, inside that folder and on no file the run reads.
 */
export function packetFiles(stagingDir: string, inputs: ReadonlySet<string>): PacketFiles {
  const root = realpathSync(stagingDir);
  return {
    write(relative, bytes) {
      assertPacketRelative(relative);
      const target = path.join(root, relative);
      mkdirSync(path.dirname(target), { recursive: true });
      checkWrite(target, { permitted: [root], forbidden: [], inputs }, relative);
      writeFileAtomic(target, bytes);
    },
    entries: () => packetEntries(root),
  };
}

