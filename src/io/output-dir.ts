import { existsSync, lstatSync, mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isInside, type ProjectPaths } from './project-paths.js';

export class OutputDirError extends Error {}

/**
 * Where a report goes. It must resolve, symlinks followed, inside reports/
 * (unless the user allows otherwise), and never inside the data or scenario
 * folders: inputs are never written next to themselves.
 */
export function resolveOutputDir(paths: ProjectPaths, requested: string | undefined, scenarioName: string, allowOutside: boolean): string {
  const real = checkedOutputDir(paths, requested, scenarioName, allowOutside);
  mkdirSync(real, { recursive: true });
  return real;
}

/**
 * The same checks as `resolveOutputDir`, creating nothing: for a packet that is
 * built in a staging folder and renamed into place (nothing is written before
 * the model has run and the checks have passed).
 */
export function checkedOutputDir(paths: ProjectPaths, requested: string | undefined, scenarioName: string, allowOutside: boolean): string {
  const target = requested === undefined ? path.join(paths.reports, scenarioName) : path.resolve(paths.root, requested);
  const real = realTarget(target);
  const reportsReal = realTarget(paths.reports);
  for (const input of [paths.data, paths.scenarios]) {
    const inputReal = existsSync(input) ? realpathSync(input) : input;
    if (isInside(inputReal, real)) throw new OutputDirError(`refusing to write the report into ${path.relative(paths.root, input) || input}: inputs are never overwritten`);
  }
  for (const folder of [paths.root, paths.data, paths.scenarios, paths.reports]) {
    const folderReal = existsSync(folder) ? realpathSync(folder) : folder;
    if (isInside(real, folderReal)) throw new OutputDirError(`refusing to use ${requested ?? target} as the report folder: it holds ${path.relative(paths.root, folder) || 'the project'}, and a run replaces its whole report folder; choose a folder such as reports/<name>`);
  }
  if (!allowOutside && !isInside(reportsReal, real)) {
    throw new OutputDirError(`output folder ${requested ?? target} resolves outside reports/ (to ${real}); pass --allow-outside to write there`);
  }
  if (existsSync(target) && !lstatSync(real).isDirectory()) throw new OutputDirError(`${target} exists and is not a folder`);
  return real;
}

/** The real path a (possibly not yet existing) folder would have: resolve its nearest existing ancestor. */
function realTarget(target: string): string {
  let existing = target;
  const rest: string[] = [];
  while (!existsSync(existing)) {
    rest.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  return path.join(realpathSync(existing), ...rest);
}
