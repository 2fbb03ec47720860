import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures');
/** A small valid project: scenarios/baseline.yaml and three short data files. */
export const MINI = path.join(FIXTURES, 'mini');

/** A throw-away copy of the mini project (or of `from`), for tests that modify files. */
export function tempProject(from: string = MINI): { root: string; dispose: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'bcid-test-'));
  cpSync(from, root, { recursive: true });
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Temporary projects and folders for one test file, all removed after it:
 * `project()` copies the mini project, `folder(prefix)` makes an empty folder.
 */
export function disposableFolders(): { project: () => string; folder: (prefix: string) => string } {
  const disposers: (() => void)[] = [];
  afterAll(() => {
    for (const d of disposers) d();
  });
  return {
    project: () => {
      const p = tempProject();
      disposers.push(p.dispose);
      return p.root;
    },
    folder: (prefix) => {
      const dir = mkdtempSync(path.join(tmpdir(), prefix));
      disposers.push(() => rmSync(dir, { recursive: true, force: true }));
      return dir;
    },
  };
}
