import { readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic, type WithDiagnostics } from '../diagnostics/diagnostic.js';
import type { InputData } from '../schema/records.js';
import { decodeText } from './decode.js';
import { parseContributions } from './parse-contributions.js';
import { parseMembers } from './parse-members.js';
import { parseProjects } from './parse-projects.js';
import { displayPath, isInside, type ProjectPaths } from './project-paths.js';
import { MAX_SCENARIO_BYTES, loadScenario, type ResolvedScenario } from './scenario-loader.js';
import { MAX_CSV_BYTES } from './csv-table.js';
import { sha256 } from './hash.js';

export interface InputFile {
  readonly role: 'scenario' | 'projects' | 'members' | 'contributions';
  /** As shown to users: relative to the project root. */
  readonly path: string;
  readonly sha256: string;
  readonly encoding: string;
}

export type DataRole = 'projects' | 'members' | 'contributions';

export interface LoadedRun {
  readonly resolved: ResolvedScenario;
  readonly inputs: InputData;
  readonly files: readonly InputFile[];
  /** Data files with parse errors: cross-file checks skip what they cannot trust. */
  readonly incomplete: ReadonlySet<DataRole>;
}

export interface LoadOptions {
  /** Allow data paths outside the project's data folder. */
  readonly allowOutside?: boolean;
}

/**
 * Reads a scenario by name or path, then the three data files it names. Checks
 * across files are the pipeline's next step (src/pipeline/load.ts), not this one's.
 */
export function loadRunInputs(scenarioArg: string, paths: ProjectPaths, options: LoadOptions = {}): WithDiagnostics<LoadedRun | null> {
  const problems: Diagnostic[] = [];
  const files: InputFile[] = [];
  const name = scenarioNameFromArg(scenarioArg, paths, options, problems);
  if (name === null) return { value: null, diagnostics: problems };

  const loaded = loadScenario(name, (n) => {
    const file = path.join(paths.scenarios, `${n}.yaml`);
    if (!existsSync(file) || !statSync(file).isFile()) return null;
    const shown = displayPath(paths.root, file);
    // Refuse oversized files before reading them (readFileSync throws beyond 2 GB).
    const size = statSync(file).size;
    if (size > MAX_SCENARIO_BYTES) return { file: shown, text: '', bytes: size };
    const bytes = readFileSync(file);
    files.push({ role: 'scenario', path: shown, sha256: sha256(bytes), encoding: 'utf-8' });
    return { file: shown, text: decodeText(bytes).text };
  });
  problems.push(...loaded.diagnostics);
  const resolved = loaded.value;
  const dataPaths = resolved?.scenario.data ?? loaded.dataPaths;
  if (dataPaths === undefined) return { value: null, diagnostics: problems };

  const incomplete = new Set<DataRole>();
  const read = <T>(role: DataRole, parse: (text: string, file: string) => WithDiagnostics<T>, empty: T): T => {
    const configured = dataPaths[role];
    const absolute = path.resolve(paths.root, configured);
    const at = resolved?.locate(['data', role]) ?? { file: files[0]?.path ?? '<scenario>', line: 1, column: 1 };
    if (!options.allowOutside && !isInside(paths.data, absolute)) {
      problems.push(diagnostic({ ...at, code: 'path-outside-project', field: `data.${role}`, found: configured, message: `data.${role} points outside the project's data folder`, hint: 'keep input files under data/, or pass --allow-outside if you trust this scenario' }));
      return empty;
    }
    if (!existsSync(absolute) || !statSync(absolute).isFile()) {
      problems.push(diagnostic({ ...at, code: 'missing-file', field: `data.${role}`, found: configured, message: `data.${role}: file ${configured} does not exist`, hint: 'check the path; it is relative to the project root' }));
      return empty;
    }
    const shown = displayPath(paths.root, absolute);
    if (statSync(absolute).size > MAX_CSV_BYTES) {
      // Refuse before reading: a million-row export must not exhaust memory (readFileSync throws beyond 2 GB).
      problems.push(diagnostic({ file: shown, line: 1, column: 1, code: 'file-too-large', message: `file is ${statSync(absolute).size.toLocaleString('en')} bytes, over the ${MAX_CSV_BYTES / 1024 / 1024} MB limit`, hint: 'split the file or remove unused rows' }));
      return empty;
    }
    const bytes = readFileSync(absolute);
    const decoded = decodeText(bytes);
    files.push({ role, path: shown, sha256: sha256(bytes), encoding: decoded.encoding });
    const result = parse(decoded.text, shown);
    problems.push(...result.diagnostics);
    if (result.diagnostics.some((d) => d.severity === 'error')) incomplete.add(role);
    return result.value;
  };
  const inputs: InputData = {
    projects: read('projects', parseProjects, []),
    members: read('members', parseMembers, []),
    contributions: read('contributions', parseContributions, []),
  };
  if (resolved === null) return { value: null, diagnostics: problems };
  return { value: { resolved, inputs, files, incomplete }, diagnostics: problems };
}

function scenarioNameFromArg(arg: string, paths: ProjectPaths, options: LoadOptions, problems: Diagnostic[]): string | null {
  if (!arg.endsWith('.yaml') && !arg.includes('/') && !arg.includes('\\')) return arg;
  const absolute = path.resolve(paths.root, arg);
  if (!isInside(paths.scenarios, absolute) && !options.allowOutside) {
    problems.push(diagnostic({ file: '<command line>', line: 1, column: 1, code: 'path-outside-project', found: arg, message: `scenario ${arg} is outside the scenarios folder`, hint: 'copy it into scenarios/ and pass its name, e.g. `bcid validate baseline`' }));
    return null;
  }
  if (path.dirname(absolute) !== paths.scenarios) {
    problems.push(diagnostic({ file: '<command line>', line: 1, column: 1, code: 'path-outside-project', found: arg, message: `scenario ${arg} must sit directly in the scenarios folder`, hint: 'pass the scenario by name, e.g. `bcid validate baseline`' }));
    return null;
  }
  return path.basename(absolute, '.yaml');
}
