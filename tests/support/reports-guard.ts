/**
 * Vitest global setup: no test may write into the project's own reports/ (issue 12,
 * item 4). A 300-path seed-1 Monte Carlo left in reports/baseline/risk/ by a test
 * once went into the next real dossier. This snapshots reports/ (names, sizes and
 * modification times) before the run and fails the run if anything changed.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPORTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'reports');

export function snapshotFolder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      const s = statSync(full, { throwIfNoEntry: false });
      if (!s) continue;
      if (e.isDirectory()) walk(full);
      else out.set(path.relative(dir, full), `${s.size}:${s.mtimeMs}`);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

export function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [f, v] of after) if (before.get(f) !== v) out.push(before.has(f) ? `changed ${f}` : `added ${f}`);
  for (const f of before.keys()) if (!after.has(f)) out.push(`removed ${f}`);
  return out.sort();
}

export default function setup(): () => void {
  const before = snapshotFolder(REPORTS);
  return () => {
    const changed = changes(before, snapshotFolder(REPORTS));
    if (changed.length > 0) {
      // Vitest logs an error thrown here but keeps its exit code: set it too.
      process.exitCode = 1;
      throw new Error(
        `tests wrote into the project's reports/ (every test must write in a temporary folder): ${changed.slice(0, 10).join(', ')}${changed.length > 10 ? ', …' : ''}`,
      );
    }
  };
}
