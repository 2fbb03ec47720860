import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/io/hash.js';
import { REPO_ROOT } from '../helpers/project.js';
import { runCli } from './run-cli.js';

function bundledCopy(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'bcid-kill-run-'));
  cpSync(path.join(REPO_ROOT, 'scenarios'), path.join(root, 'scenarios'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'data'), path.join(root, 'data'), { recursive: true });
  return root;
}

function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(path.relative(dir, full), sha256(readFileSync(full)));
    }
  };
  walk(dir);
  return out;
}

describe('a run killed midway', () => {
  it('leaves every report file either as it was or complete in its new version, never half-written', async () => {
    const root = bundledCopy();
    const packet = path.join(root, 'reports', 'baseline');
    expect((await runCli(['--root', root, 'run', 'baseline', '--no-pdf', '--quiet'], root)).code).toBe(0);
    const before = hashes(packet);

    // A different scenario content under the same name, so that every output changes.
    const scenario = path.join(root, 'scenarios', 'baseline.yaml');
    writeFileSync(scenario, readFileSync(scenario, 'utf8').replace('levyScale: 1.0', 'levyScale: 0.8'));
    const expected = bundledCopy();
    cpSync(scenario, path.join(expected, 'scenarios', 'baseline.yaml'));
    expect((await runCli(['--root', expected, 'run', 'baseline', '--no-pdf', '--quiet'], expected)).code).toBe(0);
    const after = hashes(path.join(expected, 'reports', 'baseline'));

    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'bcid-dev.ts'), '--root', root, 'run', 'baseline', '--no-pdf', '--quiet'], { stdio: 'ignore' });
    // Kill it as soon as it has replaced its first output file.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        const changed = readdirSync(packet).some((f) => !f.endsWith('.tmp') && statSync(path.join(packet, f)).mtimeMs > started);
        if (changed || Date.now() - started > 60_000) {
          child.kill('SIGKILL');
          clearInterval(poll);
          resolve();
        }
      }, 1);
    });
    await new Promise((resolve) => child.on('exit', resolve));

    const now = hashes(packet);
    let replaced = 0;
    for (const [file, hash] of now) {
      if (file.endsWith('.tmp')) continue; // a temporary file of the killed writer, never a report file
      if (hash === before.get(file)) continue;
      replaced += 1;
      expect(hash, `${file} is neither the old nor the complete new version`).toBe(after.get(file));
    }
    for (const file of before.keys()) expect(now.has(file), `${file} disappeared`).toBe(true);
    expect(replaced).toBeGreaterThan(0);
    expect(replaced).toBeLessThan(before.size);

    // The next run cleans up what the killed writer left behind and completes the packet.
    expect((await runCli(['--root', root, 'run', 'baseline', '--no-pdf', '--quiet'], root)).code).toBe(0);
    const final = hashes(packet);
    expect([...final.keys()].filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const [file, hash] of after) if (file !== 'manifest.json') expect(final.get(file), file).toBe(hash);
  }, 180_000);
});
