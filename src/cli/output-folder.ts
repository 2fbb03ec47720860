import type { ProjectPaths } from '../io/project-paths.js';
import { OutputDirError, checkedOutputDir } from '../io/output-dir.js';
import { UsageFailure } from './failures.js';
import { resolveRunOutputs, type RunOutputRequest, type RunOutputTargets } from '../io/run-outputs.js';

/**
 * The folder a command writes to (--out, else reports/<name>), by the rules of
 * io/output-dir.ts; a folder it refuses is a usage error (exit 2). Nothing is
 * created: `withPacket` renames the finished packet into place.
 */
export function outputFolder(paths: ProjectPaths, requested: string | undefined, name: string, allowOutside: boolean): string {
  try {
    return checkedOutputDir(paths, requested, name, allowOutside);
  } catch (e) {
    if (e instanceof OutputDirError) throw new UsageFailure(e.message);
    throw e;
  }
}

/** `bcid run`'s packet folder and `--export-lp` file, checked by the same rules (io/run-outputs.ts); exit 2 if refused. */
export function runOutputs(request: RunOutputRequest): RunOutputTargets {
  try {
    return resolveRunOutputs(request);
  } catch (e) {
    if (e instanceof OutputDirError) throw new UsageFailure(e.message);
    throw e;
  }
}
