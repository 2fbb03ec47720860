import { LineCounter, isMap, isScalar, parseDocument, type Document } from 'yaml';
import { diagnostic, type Diagnostic, type DiagnosticCode, type WithDiagnostics } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/suggest.js';
import { knownKeysAt } from '../schema/known-keys.js';
import { scenarioSchema, type NamedScenario, type Scenario } from '../schema/scenario.js';

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
export const MAX_SCENARIO_BYTES = 256 * 1024;
const MAX_DEPTH = 32;
const MAX_CHAIN = 8;

interface ParsedFile {
  readonly name: string;
  readonly file: string;
  readonly text: string;
  readonly doc: Document;
  readonly lines: LineCounter;
  readonly data: Record<string, unknown>;
}

/**
 * Reads a scenario and the chain of scenarios it extends, deep-merges them
 * (objects merge, arrays and scalars are replaced) and validates the result,
 * reporting every problem at the file, line and column where it was written.
 */
export interface ScenarioLoad extends WithDiagnostics<ResolvedScenario | null> {
  /** The data paths as written, when readable, so data files can be checked even if the scenario is not valid. */
  readonly dataPaths?: Readonly<Record<'projects' | 'members' | 'contributions', string>>;
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
  const result = scenarioSchema.safeParse(merged);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(...describeIssue(issue, chain, merged));
  }
  problems.push(...crossFieldChecks(merged, chain));
  if (!result.success || problems.some((p) => p.severity === 'error')) {
    const data = merged['data'];
    const paths = isPlainObject(data) && ['projects', 'members', 'contributions'].every((k) => typeof data[k] === 'string')
      ? (data as Record<'projects' | 'members' | 'contributions', string>)
      : undefined;
    return { value: null, diagnostics: problems, ...(paths ? { dataPaths: paths } : {}) };
  }
  return {
    value: {
      scenario: { ...result.data, name: String(merged['name']) },
      files: chain.map((c) => c.file),
      locate: (path) => {
        const file = chainFileFor(chain, path);
        const pos = positionOf(file, path);
        return { ...pos, excerpt: file.text.split(/\r?\n/)[pos.line - 1] ?? '' };
      },
    },
    diagnostics: problems,
  };
}

function parseScenarioFile(name: string, file: string, text: string, problems: Diagnostic[], bytes = text.length): ParsedFile | null {
  if (bytes > MAX_SCENARIO_BYTES || text.length > MAX_SCENARIO_BYTES) {
    problems.push(diagnostic({ file, line: 1, column: 1, code: 'scenario-too-large', message: `scenario file is larger than ${MAX_SCENARIO_BYTES / 1024} KB`, hint: 'a scenario holds parameters only; move data to CSV files' }));
    return null;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: false });
  const reportedLines = new Set<number>();
  for (const e of doc.errors) {
    // With prettyErrors off, errors carry offsets (pos) but no linePos.
    const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
    const line = pos.line;
    if (reportedLines.has(line)) continue; // one mistake often raises several parser errors on one line
    reportedLines.add(line);
    problems.push(diagnostic({
      file, line, column: pos.col,
      code: e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax',
      message: e.code === 'DUPLICATE_KEY' ? 'this key is given twice in the same mapping' : firstLine(e.message),
      hint: e.code === 'DUPLICATE_KEY' ? 'keep one of the two; the second would silently win in other tools' : 'check the indentation (spaces, not tabs) and the colons',
      excerpt: text.split(/\r?\n/)[line - 1] ?? '',
    }));
  }
  if (doc.errors.length > 0) return null;
  let data: unknown;
  try {
    // The alias limit defends against "billion laughs"; the parser signals it with a ReferenceError.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const message = e instanceof ReferenceError ? 'too many YAML aliases: the file looks like an alias bomb' : `cannot read the YAML: ${firstLine(String((e as Error).message))}`;
    problems.push(diagnostic({ file, line: 1, column: 1, code: 'yaml-aliases', message, hint: 'write the values out instead of using &anchors and *aliases' }));
    return null;
  }
  if (depth(data) > MAX_DEPTH) {
    problems.push(diagnostic({ file, line: 1, column: 1, code: 'yaml-too-deep', message: `the YAML is nested more than ${MAX_DEPTH} levels deep`, hint: 'a scenario is at most a few levels deep; see scenarios/baseline.yaml' }));
    return null;
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push(diagnostic({ file, line: 1, column: 1, code: 'invalid-type', message: 'a scenario must be a mapping of keys to values', hint: 'start from scenarios/baseline.yaml' }));
    return null;
  }
  return { name, file, text, doc, lines, data: data as Record<string, unknown> };
}

function depth(value: unknown, level = 0): number {
  if (level > MAX_DEPTH) return level;
  if (value === null || typeof value !== 'object') return level;
  let deepest = level;
  for (const v of Object.values(value)) deepest = Math.max(deepest, depth(v, level + 1));
  return deepest;
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isPlainObject(b) && isPlainObject(v) ? deepMerge(b, v) : v;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Where `path` is written: the most specific file of the chain that sets it (or its closest parent). */
function positionOf(file: ParsedFile, path: readonly PropertyKey[], wantKey = false): { file: string; line: number; column: number } {
  for (let n = path.length; n >= 0; n -= 1) {
    const prefix = path.slice(0, n);
    const node = prefix.length === 0 ? file.doc.contents : file.doc.getIn(prefix as unknown[], true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray((node as { range?: unknown }).range)) {
      let offset = (node as { range: [number, number, number] }).range[0];
      if (wantKey && n > 0) {
        const parent = n === 1 ? file.doc.contents : file.doc.getIn(prefix.slice(0, -1) as unknown[], true);
        if (isMap(parent)) {
          const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(prefix[n - 1]));
          if (pair && isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
        }
      }
      const pos = file.lines.linePos(offset);
      return { file: file.file, line: pos.line, column: pos.col };
    }
  }
  return { file: file.file, line: 1, column: 1 };
}

function chainFileFor(chain: readonly ParsedFile[], path: readonly PropertyKey[]): ParsedFile {
  for (let n = path.length; n >= 1; n -= 1) {
    const found = chain.find((f) => f.doc.hasIn(path.slice(0, n) as unknown[]));
    if (found) return found;
  }
  return chain[0]!;
}

function at(file: ParsedFile, path: readonly PropertyKey[], code: DiagnosticCode, message: string, extra: { found?: string; expected?: string; hint?: string } = {}, wantKey = false): Diagnostic {
  const pos = positionOf(file, path, wantKey);
  return diagnostic({ ...pos, code, field: path.map(String).join('.'), message, excerpt: file.text.split(/\r?\n/)[pos.line - 1] ?? '', ...extra });
}

interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly minimum?: unknown;
  readonly maximum?: unknown;
}

function describeIssue(issue: Issue, chain: readonly ParsedFile[], merged: Record<string, unknown>): Diagnostic[] {
  const dotted = (p: readonly PropertyKey[]) => (p.length === 0 ? '(top level)' : p.map(String).join('.'));
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(scenarioSchema, issue.path);
    return (issue.keys ?? []).map((key) => {
      const path = [...issue.path, key];
      const suggestion = closest(key, known);
      return at(chainFileFor(chain, path), path, 'unknown-key', `unknown key "${key}" in ${dotted(issue.path)}`, {
        found: key,
        expected: known.join(', '),
        hint: suggestion ? `did you mean "${suggestion}"?` : `allowed keys: ${known.join(', ')}`,
      }, true);
    });
  }
  const value = valueAt(merged, issue.path);
  const found = value === undefined ? '(missing)' : JSON.stringify(value);
  const file = chainFileFor(chain, issue.path);
  let expected = issue.expected ?? '';
  if (issue.code === 'invalid_type') expected = TYPE_WORDS[expected] ?? expected;
  else if (issue.code === 'invalid_value' && issue.values) expected = `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  else if (issue.code === 'too_small') expected = `at least ${String(issue.minimum)}`;
  else if (issue.code === 'too_big') expected = `at most ${String(issue.maximum)}`;
  else if (issue.code === 'invalid_format') expected = 'lower-case letters, digits and dashes';
  const missing = value === undefined;
  const message = missing
    ? `${dotted(issue.path)} is missing`
    : `${dotted(issue.path)} must be ${expected || 'valid'}, got ${found}`;
  const suggestion = issue.code === 'invalid_value' && typeof value === 'string' && issue.values ? closest(value, issue.values.map(String)) : undefined;
  // A percentage typed where a decimal rate or share is expected: 10 for 0.10.
  const percentSlip = issue.code === 'too_big' && issue.maximum === 1 && typeof value === 'number' && value > 1 && value <= 100;
  const hint = suggestion
    ? `did you mean "${suggestion}"?`
    : missing
      ? `add ${dotted(issue.path)} (see scenarios/baseline.yaml)`
      : percentSlip
        ? `rates and shares are decimals: write ${value / 100} for ${value} %`
        : 'see the comment on this key in scenarios/baseline.yaml';
  const extra = { found, expected: expected || issue.message, hint };
  // A missing key is reported at the key of the mapping that should hold it;
  // a missing top-level key at the top of the file.
  if (missing && issue.path.length <= 1) {
    return [diagnostic({ file: file.file, line: 1, column: 1, code: 'missing-key', field: dotted(issue.path), message, ...extra })];
  }
  const where = missing ? issue.path.slice(0, -1) : issue.path;
  return [at(file, where, missing ? 'missing-key' : 'invalid-value', message, extra, missing)];
}

/** zod's type names as a sentence expects them: "must be a number". */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
};

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[String(p)];
  }
  return v;
}

/** Consistency between keys that the schema checks one by one. */
function crossFieldChecks(merged: Record<string, unknown>, chain: readonly ParsedFile[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const num = (path: string[]) => {
    const v = valueAt(merged, path);
    return typeof v === 'number' ? v : null;
  };
  const order = (a: string[], b: string[], what: string) => {
    const x = num(a);
    const y = num(b);
    if (x !== null && y !== null && x > y) {
      out.push(at(chainFileFor(chain, b), b, 'inconsistent-years', `${b.join('.')} (${y}) is before ${a.join('.')} (${x})`, { hint: what }));
    }
  };
  order(['horizon', 'start'], ['horizon', 'end'], 'the horizon must end after it starts');
  order(['allocation', 'firstCommitmentYear'], ['allocation', 'lastCommitmentYear'], 'the commitment window must end after it starts');
  const start = num(['horizon', 'start']);
  const end = num(['horizon', 'end']);
  for (const key of ['firstCommitmentYear', 'lastCommitmentYear']) {
    const y = num(['allocation', key]);
    if (y !== null && start !== null && end !== null && (y < start || y > end)) {
      out.push(at(chainFileFor(chain, ['allocation', key]), ['allocation', key], 'year-outside-horizon', `allocation.${key} (${y}) is outside the horizon ${start}–${end}`, { found: String(y), expected: `${start}–${end}`, hint: 'commitments must fall inside the projection' }));
    }
  }
  for (const instrument of ['sovereign', 'non-sovereign']) {
    const g = num(['lending', instrument, 'grace']);
    const y = num(['lending', instrument, 'years']);
    if (g !== null && y !== null && g >= y) {
      out.push(at(chainFileFor(chain, ['lending', instrument, 'grace']), ['lending', instrument, 'grace'], 'grace-too-long', `lending.${instrument}.grace (${g}) must be shorter than its maturity (${y} years)`, { hint: 'principal must be repaid in at least one year after grace' }));
    }
  }
  for (const index of ['financialEconomic', 'socialIntegration', 'combine']) {
    const w = valueAt(merged, ['appraisal', 'weights', index]);
    if (isPlainObject(w) && Object.values(w).every((x) => typeof x === 'number') && Object.values(w).reduce<number>((a, x) => a + (x as number), 0) <= 0) {
      out.push(at(chainFileFor(chain, ['appraisal', 'weights', index]), ['appraisal', 'weights', index], 'zero-weights', `the weights of appraisal.weights.${index} are all zero`, { hint: 'give at least one criterion a positive weight' }));
    }
  }
  return out;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
