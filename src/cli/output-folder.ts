import type { ProjectPaths } from '../io/project-paths.js';
import { OutputDirError, resolveOutputDir } from '../io/output-dir.js';
import { UsageFailure } from './failures.js';

/**
 * The folder a command writes to (--out, else reports/<name>), by the rules of
 * io/output-dir.ts; a folder it refuses is a usage error (exit 2).
 */
export function outputFolder(paths: ProjectPaths, requested: string | undefined, name: string, allowOutside: boolean): string {
  try {
    return resolveOutputDir(paths, requested, name, allowOutside);
  } catch (e) {
    if (e instanceof OutputDirError) throw new UsageFailure(e.message);
    throw e;
  }
}
