import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from './hash.js';
import type { ManifestEntry } from './manifest-types.js';

/** Every file under a packet folder except the manifest, hashed, in path order (forward slashes). */
export function packetEntries(dir: string, skip: readonly string[] = ['manifest.json']): ManifestEntry[] {
  const out: ManifestEntry[] = [];
  const walk = (d: string, prefix: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(path.join(d, entry.name), relative);
      else if (entry.isFile() && !(prefix === '' && skip.includes(entry.name))) {
        const bytes = readFileSync(path.join(d, entry.name));
        out.push({ path: relative, sha256: sha256(bytes), bytes: bytes.length });
      }
    }
  };
  walk(dir, '');
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
