/**
 * One scenario file: YAML parsed with positions (a line counter), refused when
 * too large, too deep or an alias bomb; and where a key of a chain of such files
 * was written, for diagnostics at file:line:column.
 */
import { LineCounter, isMap, isScalar, parseDocument, type Document } from 'yaml';
import { diagnostic, type Diagnostic, type DiagnosticCode } from '../../diagnostics/diagnostic.js';
import { isStackOverflow, yamlTooDeep } from '../yaml-depth.js';

export const MAX_SCENARIO_BYTES = 256 * 1024;
const MAX_DEPTH = 32;

export interface ParsedFile {
  readonly name: string;
  readonly file: string;
  readonly text: string;
  readonly doc: Document;
  readonly lines: LineCounter;
  readonly data: Record<string, unknown>;
}

export function parseScenarioFile(name: string, file: string, text: string, problems: Diagnostic[], bytes = text.length): ParsedFile | null {
  if (bytes > MAX_SCENARIO_BYTES || text.length > MAX_SCENARIO_BYTES) {
    problems.push(diagnostic({ file, line: 1, column: 1, code: 'scenario-too-large', message: `scenario file is larger than ${MAX_SCENARIO_BYTES / 1024} KB`, hint: 'a scenario holds parameters only; move data to CSV files' }));
    return null;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: false });
  const reportedLines = new Set<number>();
  if (doc.errors.some((e) => isStackOverflow(e.message))) {
    problems.push(yamlTooDeep(file, MAX_DEPTH));
    return null;
  }
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
    if (isStackOverflow(String((e as Error).message))) {
      problems.push(yamlTooDeep(file, MAX_DEPTH));
      return null;
    }
    const message = e instanceof ReferenceError ? 'too many YAML aliases: the file looks like an alias bomb' : `cannot read the YAML: ${firstLine(String((e as Error).message))}`;
    problems.push(diagnostic({ file, line: 1, column: 1, code: 'yaml-aliases', message, hint: 'write the values out instead of using &anchors and *aliases' }));
    return null;
  }
  if (depth(data) > MAX_DEPTH) {
    problems.push(yamlTooDeep(file, MAX_DEPTH));
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

/** Where `path` is written: the most specific file of the chain that sets it (or its closest parent). */
export function positionOf(file: ParsedFile, path: readonly PropertyKey[], wantKey = false): { file: string; line: number; column: number } {
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

export function chainFileFor(chain: readonly ParsedFile[], path: readonly PropertyKey[]): ParsedFile {
  for (let n = path.length; n >= 1; n -= 1) {
    const found = chain.find((f) => f.doc.hasIn(path.slice(0, n) as unknown[]));
    if (found) return found;
  }
  return chain[0]!;
}

export function at(file: ParsedFile, path: readonly PropertyKey[], code: DiagnosticCode, message: string, extra: { found?: string; expected?: string; hint?: string } = {}, wantKey = false): Diagnostic {
  const pos = positionOf(file, path, wantKey);
  return diagnostic({ ...pos, code, field: path.map(String).join('.'), message, excerpt: file.text.split(/\r?\n/)[pos.line - 1] ?? '', ...extra });
}


export function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
