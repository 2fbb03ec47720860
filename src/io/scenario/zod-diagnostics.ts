/**
 * zod's issues on a merged scenario as diagnostics: each at the file, line and
 * column of the chain where the key was written, with what was found, what was
 * expected and a hint (a close key name, a percentage typed for a decimal).
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { closest } from '../../diagnostics/suggest.js';
import { knownKeysAt } from '../../schema/known-keys.js';
import { scenarioSchema } from '../../schema/scenario.js';
import { at, chainFileFor, type ParsedFile } from './yaml-file.js';

export interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly minimum?: unknown;
  readonly maximum?: unknown;
}

export function describeIssue(issue: Issue, chain: readonly ParsedFile[], merged: Record<string, unknown>): Diagnostic[] {
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

export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[String(p)];
  }
  return v;
}

