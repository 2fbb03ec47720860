import { readdirSync } from 'node:fs';
import type { ProjectPaths } from './project-paths.js';

export function listScenarios(paths: ProjectPaths): string[] {
  return readdirSync(paths.scenarios)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}
