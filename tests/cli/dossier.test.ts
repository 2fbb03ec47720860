import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/io/hash.js';
import { hasChromium } from '../../src/render/pdf.js';
import { REPO_ROOT } from '../helpers/project.js';
import { runCli } from './run-cli.js';

describe('bcid dossier', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'bcid-dossier-'));
  cpSync(path.join(REPO_ROOT, 'scenarios'), path.join(root, 'scenarios'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'data'), path.join(root, 'data'), { recursive: true });
  const packet = path.join(root, 'reports', 'baseline');
  const pdf = hasChromium();

  it('says to run first when there is no results.json', async () => {
    const r = await runCli(['--root', root, 'dossier', 'baseline', '--no-pdf'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('run `bcid run baseline` first');
  });

  it('re-renders the dossier in English and Arabic, byte-identical on a second run, and keeps the packet verifiable', async () => {
    expect((await runCli(['--root', root, 'run', 'baseline', '--no-pdf', '--quiet'], root)).code).toBe(0);
    const args = ['--root', root, 'dossier', 'baseline', '--lang', 'en,ar', ...(pdf ? [] : ['--no-pdf'])];
    const first = await runCli(args, root);
    expect(first.code).toBe(0);
    const files = ['dossier-en.html', 'dossier-ar.html', ...(pdf ? ['dossier-en.pdf', 'dossier-ar.pdf'] : [])];
    const hashes = files.map((f) => sha256(readFileSync(path.join(packet, f))));
    expect((await runCli(args, root)).code).toBe(0);
    expect(files.map((f) => sha256(readFileSync(path.join(packet, f))))).toEqual(hashes);
    const html = readFileSync(path.join(packet, 'dossier-ar.html'), 'utf8');
    expect(html).toMatch(/<html[^>]*dir="rtl"/);
    expect(html).toMatch(/<html[^>]*lang="ar"/);
    expect((await runCli(['--root', root, 'verify', 'reports/baseline'], root)).code).toBe(0);
  }, 180_000);
});
