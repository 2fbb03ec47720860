/**
 * A scenario by name: the `extends` chain read file by file (scenario/yaml-file.ts),
 * deep-merged (scenario/merge.ts) and checked against the schema, zod's issues
 * becoming diagnostics at file:line:column (scenario/zod-diagnostics.ts). Checks
 * between keys are validate/'s (validate/scenario-consistency.ts), run by the
 * pipeline on the `draft` returned here.
 */
import { diagnostic, type Diagnostic, type WithDiagnostics } from '../diagnostics/diagnostic.js';
import { scenarioSchema, type NamedScenario } from '../schema/scenario.js';
import { isPlainObject, deepMerge } from './scenario/merge.js';
import { at, chainFileFor, parseScenarioFile, positionOf, type ParsedFile } from './scenario/yaml-file.js';
import { describeIssue } from './scenario/zod-diagnostics.js';

export { MAX_SCENARIO_BYTES } from './scenario/yaml-file.js';

/** What the loader needs from the outside world: the text of a scenario by name. */
/** `bytes` is the file size when the reader declined to read a file that is too large (text is then empty). */
export type ScenarioReader = (name: string) => { readonly file: string; readonly text: string; readonly bytes?: number } | null;

export interface ResolvedScenario {
  readonly scenario: NamedScenario;
  /** Files of the `extends` chain, leaf first. */
  readonly files: readonly string[];
  /** Where a key of the resolved scenario was written, for checks made after loading. */
  readonly locate: (path: readonly PropertyKey[]) => { readonly file: string; readonly line: number; readonly column: number; readonly excerpt: string };
}

export const SCENARIO_NAME = /^[a-z0-9][a-z0-9._-]*$/;
const MAX_CHAIN = 8;

/** The merged scenario as written, before the schema, with where each key was written. */
export interface ScenarioDraft {
  readonly data: Readonly<Record<string, unknown>>;
  readonly locate: ResolvedScenario['locate'];
}

/**
 * Reads a scenario and the chain of scenarios it extends, deep-merges them
 * (objects merge, arrays and scalars are replaced) and validates the result,
 * reporting every problem at the file, line and column where it was written.
 */
export interface ScenarioLoad extends WithDiagnostics<ResolvedScenario | null> {
  /** The data paths as written, when readable, so data files can be checked even if the scenario is not valid. */
  readonly dataPaths?: Readonly<Record<'projects' | 'members' | 'contributions', string>>;
  /** The merged scenario, whenever every file of the chain could be read: for the checks between keys. */
  readonly draft?: ScenarioDraft;
}

export function loadScenario(name: string, read: ScenarioReader): ScenarioLoad {
  const problems: Diagnostic[] = [];
  const chain: ParsedFile[] = [];
  let next: string | undefined = name;
  /** Where the scenario being loaded was named: its `extends` line, or the command line. */
  let referrer: { file: string; line: number; column: number; excerpt?: string } = { file: '<command line>', line: 1, column: 1 };
  let fromCommandLine = true;
  while (next !== undefined) {
    if (!SCENARIO_NAME.test(next)) {
      problems.push(diagnostic({ ...referrer, code: 'invalid-scenario-name', field: 'extends', found: next, message: `"${next}" is not a scenario name`, hint: 'use the file name without .yaml, e.g. baseline; paths with / or .. are not allowed' }));
      return { value: null, diagnostics: problems };
    }
    if (chain.some((c) => c.name === next)) {
      problems.push(diagnostic({ ...referrer, code: 'extends-cycle', field: 'extends', found: next, message: `scenarios extend each other in a loop: ${[...chain.map((c) => c.name), next].join(' → ')}`, hint: 'remove one of the extends lines' }));
      return { value: null, diagnostics: problems };
    }
    if (chain.length >= MAX_CHAIN) {
      problems.push(diagnostic({ ...referrer, code: 'extends-too-deep', field: 'extends', found: next, message: `more than ${MAX_CHAIN} scenarios in the extends chain ${chain.map((c) => c.name).join(' → ')} → ${next}`, hint: 'extend baseline, or a scenario close to it, directly' }));
      return { value: null, diagnostics: problems };
    }
    const source = read(next);
    if (source === null) {
      problems.push(diagnostic({ ...referrer, code: 'unknown-scenario', field: fromCommandLine ? 'scenario' : 'extends', found: next, message: `no scenario named "${next}" (scenarios/${next}.yaml)`, hint: 'run `bcid validate --list` to see the scenarios' }));
      return { value: null, diagnostics: problems };
    }
    const parsed = parseScenarioFile(next, source.file, source.text, problems, source.bytes);
    if (parsed === null) return { value: null, diagnostics: problems };
    chain.push(parsed);
    const parent = parsed.data['extends'];
    if (parent !== undefined && typeof parent !== 'string') {
      problems.push(at(parsed, ['extends'], 'invalid-type', 'extends must be the name of a scenario', { found: JSON.stringify(parent) }));
      return { value: null, diagnostics: problems };
    }
    const pos = positionOf(parsed, ['extends']);
    referrer = { ...pos, excerpt: parsed.text.split(/\r?\n/)[pos.line - 1] ?? '' };
    fromCommandLine = false;
    next = parent;
  }

  const merged = chain.reduceRight<Record<string, unknown>>((acc, file) => deepMerge(acc, file.data), {});
  delete merged['extends'];
  const leaf = chain[0]!;
  merged['name'] = typeof leaf.data['name'] === 'string' ? leaf.data['name'] : name;
  const locate: ResolvedScenario['locate'] = (path) => {
    const file = chainFileFor(chain, path);
    const pos = positionOf(file, path);
    return { ...pos, excerpt: file.text.split(/\r?\n/)[pos.line - 1] ?? '' };
  };
  const draft: ScenarioDraft = { data: merged, locate };
  const result = scenarioSchema.safeParse(merged);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(...describeIssue(issue, chain, merged));
  }
  if (!result.success || problems.some((p) => p.severity === 'error')) {
    const data = merged['data'];
    const paths = isPlainObject(data) && ['projects', 'members', 'contributions'].every((k) => typeof data[k] === 'string')
      ? (data as Record<'projects' | 'members' | 'contributions', string>)
      : undefined;
    return { value: null, diagnostics: problems, draft, ...(paths ? { dataPaths: paths } : {}) };
  }
  return { value: { scenario: { ...result.data, name: String(merged['name']) }, files: chain.map((c) => c.file), locate }, diagnostics: problems, draft };
}

