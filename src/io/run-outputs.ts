import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { checkedOutputDir, OutputDirError } from './output-dir.js';
import type { ProjectPaths } from './project-paths.js';
import { checkWrite, realInputs, UnsafeWriteError } from './write-guard.js';

export interface RunOutputRequest {
  readonly paths: ProjectPaths;
  /** `--out`, relative to the project root. */
  readonly out: string | undefined;
  readonly scenarioName: string;
  readonly allowOutside: boolean;
  /** `--export-lp`, relative to the working directory. */
  readonly exportLp: string | undefined;
  readonly cwd: string;
  /** Absolute paths of every file the run reads. */
  readonly inputFiles: readonly string[];
}

export interface RunOutputTargets {
  /** Real path of the packet folder. */
  readonly outDir: string;
  /** Real destination of the LP file, checked. */
  readonly exportLp: string | undefined;
  /** Real paths of the inputs: no write may land on one. */
  readonly inputs: ReadonlySet<string>;
}

/**
 * Every place a run will write, resolved and checked before the model runs:
 * the packet folder (as `--out` has always been checked) and `--export-lp`, by
 * the same rules: inside reports/ unless --allow-outside, never in data/ or
 * scenarios/, never onto a file the run reads, never inside the packet (which
 * is replaced whole). Throws `OutputDirError` (exit 2).
 */
export function resolveRunOutputs(req: RunOutputRequest): RunOutputTargets {
  const outDir = checkedOutputDir(req.paths, req.out, req.scenarioName, req.allowOutside);
  const inputs = realInputs(req.inputFiles);
  let exportLp: string | undefined;
  if (req.exportLp !== undefined) {
    const real = (p: string) => (existsSync(p) ? realpathSync(p) : p);
    try {
      exportLp = checkWrite(
        path.resolve(req.cwd, req.exportLp),
        { permitted: req.allowOutside ? [] : [real(req.paths.reports)], forbidden: [real(req.paths.data), real(req.paths.scenarios), outDir], inputs },
        `--export-lp ${req.exportLp}`,
      );
    } catch (e) {
      if (e instanceof UnsafeWriteError) throw new OutputDirError(e.message);
      throw e;
    }
  }
  return { outDir, exportLp, inputs };
}
