/**
 * Golden cases in the manner of hledger's shelltests: one folder per case, what a
 * user types and what they see. The format is described in tests/golden/README.md.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, MINI } from '../helpers/project.js';
import { runCli, type CliRun } from '../cli/run-cli.js';

export const GOLDEN_DIR = path.join(REPO_ROOT, 'tests', 'golden');

export interface GoldenCase {
  readonly name: string;
  readonly dir: string;
  /** The argv after `bcid`. */
  readonly argv: readonly string[];
  readonly project: 'mini' | 'bundled';
  /** Steps before the command: `bcid …` runs (must exit 0) or file edits. */
  readonly before: readonly Step[];
  readonly hasFiles: boolean;
}

export type Step =
  | { readonly kind: 'bcid'; readonly argv: readonly string[]; readonly line: string }
  | { readonly kind: 'append' | 'write'; readonly file: string; readonly text: string; readonly line: string }
  | { readonly kind: 'delete'; readonly file: string; readonly line: string };

/** The lines of a case file that carry something: no blank lines, no `#` comments. */
function meaningfulLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
}

function parseStep(line: string, where: string): Step {
  const [verb = '', ...rest] = line.trim().split(/\s+/);
  if (verb === 'bcid') return { kind: 'bcid', argv: rest, line };
  if ((verb === 'append' || verb === 'write') && rest.length >= 2) {
    const [file, ...words] = rest;
    return { kind: verb, file: file!, text: words.join(' '), line };
  }
  if (verb === 'delete' && rest.length === 1) return { kind: 'delete', file: rest[0]!, line };
  throw new Error(`${where}: cannot read step "${line}" (bcid <args> | append <file> <text> | write <file> <text> | delete <file>)`);
}

export function readCases(): GoldenCase[] {
  return readdirSync(GOLDEN_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(GOLDEN_DIR, d.name, 'cmd')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const dir = path.join(GOLDEN_DIR, name);
      const projectFile = path.join(dir, 'project');
      const project = existsSync(projectFile) ? readFileSync(projectFile, 'utf8').trim() : 'mini';
      if (project !== 'mini' && project !== 'bundled') throw new Error(`${name}/project: "${project}" is neither mini nor bundled`);
      const beforeFile = path.join(dir, 'before');
      const before = existsSync(beforeFile) ? meaningfulLines(beforeFile).map((l) => parseStep(l, `${name}/before`)) : [];
      return { name, dir, argv: meaningfulLines(path.join(dir, 'cmd')), project, before, hasFiles: existsSync(path.join(dir, 'files')) };
    });
}

/** Where each case runs: a fresh copy of its project, under one temporary root removed by `dispose`. */
export class Workspace {
  private readonly root = mkdtempSync(path.join(os.tmpdir(), 'bcid-golden-'));
  private readonly prepared = new Map<string, string>();
  private count = 0;

  /** A fresh copy of the case's project with its files/ on top and its `before` steps done. */
  async projectFor(c: GoldenCase): Promise<string> {
    const target = path.join(this.root, `case-${++this.count}`);
    // Leading `bcid` steps on an unmodified project are shared between cases (the same run, done once).
    const shared = c.hasFiles ? [] : leadingBcidSteps(c.before);
    const key = `${c.project}\n${shared.map((s) => s.line).join('\n')}`;
    let base = this.prepared.get(key);
    if (base === undefined) {
      base = path.join(this.root, `base-${this.prepared.size + 1}`);
      copyProject(c.project, base);
      for (const step of shared) await runStep(step, base);
      this.prepared.set(key, base);
    }
    cpSync(base, target, { recursive: true });
    if (c.hasFiles) cpSync(path.join(c.dir, 'files'), target, { recursive: true });
    for (const step of c.before.slice(shared.length)) await runStep(step, target);
    return target;
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

function leadingBcidSteps(steps: readonly Step[]): Step[] {
  const out: Step[] = [];
  for (const s of steps) {
    if (s.kind !== 'bcid') break;
    out.push(s);
  }
  return out;
}

function copyProject(project: 'mini' | 'bundled', target: string): void {
  const from = project === 'mini' ? MINI : REPO_ROOT;
  for (const folder of ['data', 'scenarios']) cpSync(path.join(from, folder), path.join(target, folder), { recursive: true });
}

async function runStep(step: Step, root: string): Promise<void> {
  if (step.kind === 'bcid') {
    const r = await runCli(step.argv, root);
    if (r.code !== 0) throw new Error(`before step "${step.line}" exited ${r.code}:\n${r.stderr}`);
    return;
  }
  const file = path.join(root, step.file);
  if (step.kind === 'delete') rmSync(file, { recursive: true, force: true });
  else {
    mkdirSync(path.dirname(file), { recursive: true });
    if (step.kind === 'append') appendFileSync(file, `${step.text}\n`);
    else writeFileSync(file, `${step.text}\n`);
  }
}

/**
 * What may differ between two correct runs, replaced by a fixed placeholder. Kept
 * short on purpose: everything else a user sees is compared byte for byte.
 */
const NORMALISERS: readonly (readonly [RegExp, string])[] = [
  // bcid risk: wall time, throughput and peak memory of this machine.
  [/: \d+(?:\.\d+)? s \([\d,]+ paths\/s\), peak RSS [\d,]+ MB/g, ': <time and memory>'],
];

export function normalise(text: string, root: string): string {
  let out = text.split(root).join('$ROOT');
  for (const [re, placeholder] of NORMALISERS) out = out.replace(re, placeholder);
  return out;
}

export interface Outcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: string;
}

export async function runCase(c: GoldenCase, workspace: Workspace): Promise<Outcome> {
  const root = await workspace.projectFor(c);
  const r: CliRun = await runCli(c.argv, root);
  return { stdout: normalise(r.stdout, root), stderr: normalise(r.stderr, root), exit: `${r.code}\n` };
}

export const OUTPUT_FILES = ['stdout', 'stderr', 'exit'] as const;

export function expected(c: GoldenCase, file: (typeof OUTPUT_FILES)[number]): string | undefined {
  const p = path.join(c.dir, file);
  return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
}

export function writeExpected(c: GoldenCase, outcome: Outcome): void {
  for (const file of OUTPUT_FILES) writeFileSync(path.join(c.dir, file), outcome[file]);
}
