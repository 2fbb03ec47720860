import { readFileSync } from 'node:fs';
import type { Manifest, ManifestEntry } from './manifest-types.js';

/** A manifest.json that is not one (truncated, edited, another tool's): exit 1, the packet cannot be trusted. */
export class ManifestError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file} is not a readable bcid manifest (${reason}); the packet cannot be verified: run \`bcid run\` again to write a new one`);
    this.name = 'ManifestError';
  }
}

function isEntry(v: unknown): v is ManifestEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e.path === 'string' && typeof e.sha256 === 'string' && /^[0-9a-f]{64}$/.test(e.sha256);
}

/** Reads and shape-checks a manifest; throws `ManifestError` with the reason. */
export function readManifest(file: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ManifestError(file, e instanceof SyntaxError ? `not valid JSON: ${e.message}` : (e as Error).message);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ManifestError(file, 'not a JSON object');
  const m = value as Record<string, unknown>;
  if (m.tool !== 'bcid-aes') throw new ManifestError(file, '"tool" is not "bcid-aes"');
  for (const key of ['inputs', 'outputs'] as const) {
    const list = m[key];
    if (!Array.isArray(list)) throw new ManifestError(file, `"${key}" is not a list`);
    const bad = list.findIndex((e) => !isEntry(e));
    if (bad >= 0) throw new ManifestError(file, `${key}[${bad}] needs a "path" and a 64-hex "sha256"`);
    for (const e of list as ManifestEntry[]) {
      if (e.path.split(/[\\/]/).includes('..') || e.path.startsWith('/')) {
        if (key === 'outputs') throw new ManifestError(file, `output "${e.path}" leaves the packet folder`);
      }
    }
  }
  return value as Manifest;
}
