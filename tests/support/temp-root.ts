/**
 * Vitest set-up file (every test file): each test file gets its own temporary root,
 * and os.tmpdir() points into it (Node reads TMPDIR at each call, and child processes
 * inherit it). The root is removed when the file's tests end, so a test that forgets
 * to clean up, or a killed child process, leaves nothing behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const previous = process.env['TMPDIR'];
const root = mkdtempSync(path.join(os.tmpdir(), 'bcid-vitest-'));
process.env['TMPDIR'] = root;

afterAll(() => {
  if (previous === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = previous;
  rmSync(root, { recursive: true, force: true, maxRetries: 3 });
});
