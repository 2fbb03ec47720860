import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The argv after `bcid` that shows a case's problem. */
export function caseArgv(spec: CaseSpec): string[] {
  return spec.command === 'run' ? ['run', spec.scenario, '--no-pdf'] : ['validate', spec.scenario];
}

/** Quoted dash-words in diagnostic-making modules that are not diagnostic codes. */
const NOT_CODES = new Set(['non-sovereign', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'bcid-aes']);

/**
 * Every diagnostic code some module of src/ can emit: the quoted dash-words
 * (`'missing-column'`) of every module that makes diagnostics, in any folder.
 */
export function emittedCodes(repoRoot: string): string[] {
  const codes = new Set<string>();
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
  for (const file of walk(path.join(repoRoot, 'src'))) {
    const source = readFileSync(file, 'utf8');
    if (!/\bdiagnostic\(|\bDiagnostic\b/.test(source)) continue; // only modules that make diagnostics
    for (const m of source.matchAll(/'([a-z]+(?:-[a-z0-9]+)+)'/g)) if (!NOT_CODES.has(m[1]!)) codes.add(m[1]!);
  }
  return [...codes].sort();
}

/**
 * The error catalogue: tests/fixtures/errors/<code>/ holds, for every kind of
 * problem `bcid validate` reports, the files that differ from the valid mini
 * project (tests/fixtures/mini/), a case.json and the exact output (expected.txt).
 * The golden test runs every case; this module turns the same folder into
 * docs/errors.md, so the documentation cannot drift from what users see.
 */

/** Sections of docs/errors.md, in reading order: from the file's bytes to cross-file checks, then what only the model finds. */
export const GROUPS = ['CSV files', 'CSV values', 'Data rows', 'Scenario files', 'Scenario values', 'Cross-file checks', 'Model run'] as const;
export type Group = (typeof GROUPS)[number];

/** A file the test writes into the copy of the mini project before running (large inputs are not committed). */
export type GeneratedFile =
  /** Append `line` (plus a newline) `times` times to the file. */
  | { readonly file: string; readonly appendLine: string; readonly times: number }
  /** Extend the file with zero bytes to `sizeBytes` (sparse: cheap to write). */
  | { readonly file: string; readonly sizeBytes: number };

export interface CaseSpec {
  /** The scenario given to the command. */
  readonly scenario: string;
  /**
   * `validate` (default) for problems found before the model runs; `run` for the few
   * that only the model can find (`bcid run <scenario> --no-pdf`).
   */
  readonly command?: 'validate' | 'run';
  readonly group: Group;
  /** One sentence: what is wrong and how to fix it. */
  readonly description: string;
  /** 1 (default) when the input is invalid, 0 when the case shows a warning only. */
  readonly exitCode?: 0 | 1;
  readonly generate?: readonly GeneratedFile[];
}

export interface CatalogueCase {
  /** The diagnostic code, which is also the folder name. */
  readonly code: string;
  readonly dir: string;
  readonly spec: CaseSpec;
  /** Files of the folder overlaid on the mini project, relative to it, sorted. */
  readonly overlay: readonly string[];
  /** The golden stderr of `bcid validate`; null until generated. */
  readonly expected: string | null;
}

export const CATALOGUE_DIR = path.join('tests', 'fixtures', 'errors');
const OWN_FILES = new Set(['case.json', 'expected.txt']);

export function readCatalogue(repoRoot: string): CatalogueCase[] {
  const root = path.join(repoRoot, CATALOGUE_DIR);
  return readdirSync(root)
    .filter((name) => statSync(path.join(root, name)).isDirectory())
    .sort()
    .map((code) => {
      const dir = path.join(root, code);
      const spec = JSON.parse(readFileSync(path.join(dir, 'case.json'), 'utf8')) as CaseSpec;
      if (!GROUPS.includes(spec.group)) throw new Error(`${code}/case.json: group must be one of ${GROUPS.join(', ')}`);
      const expectedFile = path.join(dir, 'expected.txt');
      return {
        code,
        dir,
        spec,
        overlay: listFiles(dir).filter((f) => !OWN_FILES.has(f)),
        expected: existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : null,
      };
    });
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, path.posix.join(prefix, e.name)) : [path.posix.join(prefix, e.name)]))
    .sort();
}

/** Severity shown in the example: the head line carrying the case's code. */
function severityOf(c: CatalogueCase): string {
  const m = (c.expected ?? '').match(new RegExp(`: (error|warning) \\[${c.code}\\]`));
  return m?.[1] ?? 'error';
}

/**
 * Problems of the environment and of report folders: not diagnostics of the
 * input files, so not in the catalogue; each is one line `bcid: …` on stderr.
 */
const ENVIRONMENT_SECTION: readonly string[] = [
  '## Report folders and the environment',
  '',
  'These are printed as one line, `bcid: <what happened>; <what to do>`, never as a stack trace. The tests in',
  '`tests/cli/packet-safety.test.ts`, `tests/cli/interrupted-run.test.ts` and `tests/cli/closed-pipe.test.ts` check them.',
  '',
  '| Problem | Exit | Message begins with |',
  '|---|---|---|',
  '| A write would land on a file the run reads (a symbolic link, `--export-lp data/projects.csv`) or in `data/` or `scenarios/` | 2 | `refusing to write …: inputs are never overwritten` |',
  '| `--out` or `--export-lp` resolves outside `reports/` without `--allow-outside` | 2 | `… resolves outside reports/ …; pass --allow-outside` |',
  '| `--out` names a folder that holds the project, or a non-empty folder that is not a report packet (a run replaces its whole folder) | 2 | `refusing to use … as the report folder` / `… is not a report packet` |',
  '| Another run holds the packet (`reports/.<name>.lock`) | 2 | `another bcid process (PID n) is writing this report packet` |',
  '| Disk full (ENOSPC, EDQUOT) | 2 | `the disk is full …; free some space and run again (the previous report packet is unchanged)` |',
  '| No permission (EACCES, EPERM), read-only file system (EROFS) | 2 | `cannot write into …` / `permission denied …` |',
  '| A file where a folder is needed (EEXIST, ENOTDIR) | 2 | `a file stands where a folder is needed …` |',
  '| Chromium missing | 2 | `Chromium was not found …; install it: apt-get install chromium (… or --no-pdf)` (checked before anything is written) |',
  '| Chromium broken or crashed while printing | 2 | `Chromium at … could not print the PDF dossier (first line of its error) …` |',
  '| Ctrl-C, SIGTERM or SIGHUP during a run | 2 | `stopped by SIGINT; the previous report packet is unchanged` (staging folder, lock and browser cleaned up) |',
  '| `bcid verify`: a file changed, missing, or not listed in the manifest | 1 | `changed output: …`, `missing output: …`, `file not listed in manifest.json …`, then `NOT intact` |',
  '| `bcid verify`: manifest.json truncated or not a bcid manifest | 1 | `… is not a readable bcid manifest (…)` |',
  '| `bcid generate --out` on a folder that holds files, without `--force` | 2 | `--out … already holds files …` |',
  '| stdout closed by its reader (`bcid run … \\| head`) | 0 | nothing: the rest of the output is dropped, the packet is still written whole |',
];

/** docs/errors.md, from the catalogue. Pure: the same cases give the same text. */
export function errorsDoc(cases: readonly CatalogueCase[]): string {
  const out: string[] = [];
  out.push(
    '# Error catalogue',
    '',
    '<!-- Generated by `npm run errors-doc` (scripts/write-errors-doc.ts) from tests/fixtures/errors/. Do not edit by hand. -->',
    '',
    'Every problem `bcid validate` can report (and the few that only `bcid run` can find, once the model runs), with a small',
    'input that triggers it and the exact message it prints.',
    'Each example is a test: `tests/fixtures/errors/<code>/` holds the files that differ from the small valid project',
    'in `tests/fixtures/mini/`, and `expected.txt` the output, checked on every test run.',
    '',
    '## Reading a message',
    '',
    '```text',
    sample(cases),
    '```',
    '',
    '- `file:line:column`: where the problem is; editors and terminals can jump to it. Lines and columns count from 1.',
    '- `error` or `warning`: errors make the input invalid; warnings are printed but do not.',
    '- `[code]`: the kind of problem, one of the sections below.',
    '- The offending CSV row or YAML line, with a caret under the column, and a hint saying what to do.',
    '',
    'Problems are collected, not stopped at: one run reports all of them. `bcid validate --format json` gives the same',
    'diagnostics as JSON objects with `file`, `line`, `column`, `severity`, `code`, `message` and, when known,',
    '`field`, `found`, `expected`, `hint` and `excerpt`.',
    '',
    '## Exit codes',
    '',
    '| Code | Meaning |',
    '|---|---|',
    '| 0 | valid (warnings may have been printed) |',
    '| 1 | input data or scenario invalid, or a report packet that `bcid verify` finds changed, incomplete or with an unreadable manifest |',
    '| 2 | usage error or environment problem: unknown command or flag, bad flag value, an unsafe output path, a locked packet, a full disk, no permission, no or a broken Chromium, or the run stopped by Ctrl-C or SIGTERM |',
    '| 3 | internal error: a bug in bcid, not in your data (re-run with `--debug` and report it) |',
    '',
    ...ENVIRONMENT_SECTION,
    '',
    '## Index',
    '',
    '| Code | Severity | Problem |',
    '|---|---|---|',
  );
  const grouped = GROUPS.map((g) => [g, cases.filter((c) => c.spec.group === g)] as const).filter(([, cs]) => cs.length > 0);
  for (const [, cs] of grouped) {
    for (const c of cs) out.push(`| [\`${c.code}\`](#${c.code}) | ${severityOf(c)} | ${escapeCell(c.spec.description)} |`);
  }
  for (const [group, cs] of grouped) {
    out.push('', `## ${group}`);
    for (const c of cs) {
      const files = c.overlay.map((f) => `\`${f}\``).join(', ');
      const generated = (c.spec.generate ?? []).map(
        (g) =>
          `\`${g.file}\` (${'sizeBytes' in g ? `${g.sizeBytes.toLocaleString('en')} bytes` : `${g.times.toLocaleString('en')} extra lines`}, made by the test)`,
      );
      const inputs = [files, ...generated].filter((s) => s !== '').join(', ');
      out.push(
        '',
        `### ${c.code}`,
        '',
        c.spec.description,
        '',
        `Example: \`bcid ${caseArgv(c.spec).join(' ')}\` with ${inputs || 'the mini project'} from [\`${CATALOGUE_DIR}/${c.code}/\`](../${CATALOGUE_DIR}/${c.code}/) (exit ${c.spec.exitCode ?? 1}):`,
        '',
        '```text',
        clip((c.expected ?? '(no expected.txt yet: run `UPDATE_GOLDEN=1 npx vitest run tests/validate`)').replace(/\n+$/, '')),
        '```',
      );
    }
  }
  return `${out.join('\n')}\n`;
}

/** The first message of the invalid-number example, to explain the layout of a message. */
function sample(cases: readonly CatalogueCase[]): string {
  const text = cases.find((c) => c.code === 'invalid-number')?.expected ?? cases.find((c) => c.expected !== null)?.expected ?? '';
  return text.split('\n\n')[0] ?? '';
}

/** Long examples (hundreds of messages) keep their head and tail. */
function clip(text: string, head = 12, tail = 8): string {
  const lines = text.split('\n');
  if (lines.length <= head + tail + 10) return text;
  return [...lines.slice(0, head), `… (${lines.length - head - tail} lines omitted)`, ...lines.slice(-tail)].join('\n');
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
