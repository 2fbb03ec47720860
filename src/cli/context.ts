import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { projectPaths, type ProjectPaths } from '../io/project-paths.js';
import type { CliIo } from './io.js';

/** The package's own folder: bundled data and scenarios are the default project. */
const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** --root, else the working directory if it holds scenarios/, else the bundled project. */
export function resolvePaths(command: Command, io: CliIo): ProjectPaths {
  const root = command.optsWithGlobals<{ root?: string }>().root;
  if (root !== undefined) return projectPaths(path.resolve(io.cwd, root));
  if (existsSync(path.join(io.cwd, 'scenarios'))) return projectPaths(io.cwd);
  return projectPaths(PACKAGE_ROOT);
}
