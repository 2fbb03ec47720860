/** Issue 12, item 15: nothing from a user file reaches the terminal as a control sequence. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { printable } from '../../src/cli/printable.js';
import { REPO_ROOT } from '../helpers/project.js';
import { runCli } from './run-cli.js';

const ESC = '\x1b';
const CLEAR = `${ESC}[2J`;
const LINK = `${ESC}]8;;https://evil.example/${ESC}\\click${ESC}]8;;${ESC}\\`;

// The bundled project: its first project is funded, so its name is in the summary.
const root = mkdtempSync(path.join(tmpdir(), 'bcid-escapes-'));
for (const d of ['scenarios', 'data']) cpSync(path.join(REPO_ROOT, d), path.join(root, d), { recursive: true });
const project = { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
afterAll(() => project.dispose());
const projects = path.join(project.root, 'data', 'projects.csv');
const original = readFileSync(projects, 'utf8');

function withName(name: string, extra: (line: string) => string = (l) => l): void {
  const lines = original.split('\n');
  lines[1] = extra(lines[1]!.replace(/^([^,]+),([^,]+),/, (_m, id: string) => `${id},${name},`));
  writeFileSync(projects, lines.join('\n'));
}

describe('printable', () => {
  it('escapes control, bidi and zero-width characters and keeps text, tabs, CRLF and a leading BOM', () => {
    expect(printable(`a${CLEAR}b`)).toBe('a\\x1b[2Jb');
    expect(printable('x\u202ey\u200bz\u2066')).toBe('x\\u202ey\\u200bz\\u2066');
    expect(printable('\ufeffa;b\r\nc\td\n')).toBe('\ufeffa;b\r\nc\td\n');
    expect(printable('bell\x07 c1\x9b cr\rx')).toBe('bell\\x07 c1\\x9b cr\\x0dx');
    expect(printable('Barrage de Kandadji — سد')).toBe('Barrage de Kandadji — سد');
  });
});

describe('terminal output of user text', () => {
  it('shows an ESC[2J or OSC-8 name as visible escapes in the run summary', async () => {
    withName(`Dam ${CLEAR} ${LINK}`);
    const r = await runCli(['--root', project.root, 'run', 'baseline', '--no-pdf'], project.root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Dam \\x1b[2J');
    expect(r.stdout + r.stderr).not.toContain(ESC);
    // validate flags the name (a warning: the run still goes ahead).
    expect(r.stderr).toMatch(/warning \[hidden-characters\]/);
  }, 60_000);

  it('shows control characters as escapes in diagnostic excerpts', async () => {
    withName(`Dam ${CLEAR}\u202e`, (l) => l.replace(/,0\.11,/, ',eleven,'));
    const r = await runCli(['--root', project.root, 'validate'], project.root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Dam \\x1b[2J\\u202e');
    expect(r.stderr).not.toContain(ESC);
    expect(r.stderr).not.toContain('\u202e');
  });
});
