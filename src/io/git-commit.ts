import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The checked-out commit, read from .git without spawning git; null outside a checkout. */
export function gitCommit(root: string): string | null {
  try {
    const gitDir = path.join(root, '.git');
    if (!existsSync(gitDir)) return null;
    const head = readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return /^[0-9a-f]{40}$/.test(head) ? head : null;
    const ref = head.slice(5);
    const loose = path.join(gitDir, ref);
    if (existsSync(loose)) return readFileSync(loose, 'utf8').trim();
    const packed = path.join(gitDir, 'packed-refs');
    if (!existsSync(packed)) return null;
    const line = readFileSync(packed, 'utf8').split('\n').find((l) => l.endsWith(` ${ref}`));
    return line?.split(' ')[0] ?? null;
  } catch {
    return null;
  }
}
