import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isInside } from './project-paths.js';

/** HEAD and a loose ref are one line; packed-refs of a large repository stays well under this. */
const MAX_HEAD_BYTES = 4096;
const MAX_PACKED_REFS_BYTES = 16 * 1024 * 1024;
const REF = /^refs\/[A-Za-z0-9._/-]+$/;
const SHA = /^[0-9a-f]{40}$/;

/**
 * A regular file (not a link) whose real path is inside `gitDir`, read if small
 * enough; null otherwise. A planted `.git/HEAD -> /etc/shadow` or
 * `ref: ../../../secret` is never followed out of the project.
 */
function readInside(gitDir: string, relative: string, maxBytes: number): string | null {
  const file = path.join(gitDir, relative);
  if (!isInside(gitDir, file)) return null;
  try {
    const stat = lstatSync(file);
    if (!stat.isFile() || stat.size > maxBytes) return null;
    if (!isInside(gitDir, realpathSync(file))) return null;
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The checked-out commit, read from .git without spawning git; null outside a
 * checkout. Only a real `.git` folder inside the project is read (a `.git` file
 * or link, as in `git worktree` checkouts, points outside it: null).
 */
export function gitCommit(root: string): string | null {
  try {
    const gitDir = path.join(root, '.git');
    const stat = lstatSync(gitDir, { throwIfNoEntry: false });
    if (!stat || !stat.isDirectory()) return null;
    const realRoot = realpathSync(root);
    const realGit = realpathSync(gitDir);
    if (!isInside(realRoot, realGit)) return null;
    const head = readInside(realGit, 'HEAD', MAX_HEAD_BYTES)?.trim();
    if (head === undefined) return null;
    if (!head.startsWith('ref: ')) return SHA.test(head) ? head : null;
    const ref = head.slice(5).trim();
    if (!REF.test(ref) || ref.split('/').includes('..')) return null;
    const loose = readInside(realGit, ref, MAX_HEAD_BYTES)?.trim();
    if (loose !== undefined) return SHA.test(loose) ? loose : null;
    const packed = readInside(realGit, 'packed-refs', MAX_PACKED_REFS_BYTES);
    const line = packed?.split('\n').find((l) => l.endsWith(` ${ref}`));
    const sha = line?.split(' ')[0];
    return sha !== undefined && SHA.test(sha) ? sha : null;
  } catch {
    return null;
  }
}
