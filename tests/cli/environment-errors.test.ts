/** Issue 12, item 13: environment problems are exit 1 or 2 with one sentence; exit 3 stays for bugs. */
import { describe, expect, it } from 'vitest';
import { classifyEnvironmentError, plainFirstLine } from '../../src/cli/environment-errors.js';
import { main } from '../../src/cli/main.js';
import { ChromiumBrokenError } from '../../src/render/pdf.js';

function errno(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(`${code}: ${syscall} '${path ?? ''}'`);
  e.code = code;
  e.syscall = syscall;
  if (path !== undefined) e.path = path;
  return e;
}

describe('classifyEnvironmentError', () => {
  it.each([
    ['ENOSPC', /the disk is full \(ENOSPC\) while writing \/r\/x\.pdf; free some space and run again/],
    ['EACCES', /permission denied \(EACCES\) on \/r\/x\.pdf; fix its permissions or choose another folder with --out/],
    ['EROFS', /read-only file system/],
    ['EEXIST', /a file stands where a folder is needed \(EEXIST\)/],
    ['ENOTDIR', /a file stands where a folder is needed \(ENOTDIR\)/],
  ])('%s is exit 2 with the fix', (code, message) => {
    const c = classifyEnvironmentError(errno(code, 'open', '/r/x.pdf'));
    expect(c?.code).toBe(2);
    expect(c?.message).toMatch(message);
  });

  it('keeps exit 3 for real bugs', () => {
    expect(classifyEnvironmentError(new TypeError('x is undefined'))).toBeNull();
    expect(classifyEnvironmentError(errno('ERR_SOMETHING', 'open'))).toBeNull();
  });

  it('a broken Chromium is one plain sentence without ANSI codes or the log', () => {
    const playwright = new Error('browserType.launch: \x1b[31mFailed to launch\x1b[39m\n==== logs ====\n<launching> /bin/chromium\n[pid=1] <gracefully close start>\n');
    const c = classifyEnvironmentError(new ChromiumBrokenError('/bin/chromium', playwright));
    expect(c?.code).toBe(2);
    expect(c?.message).toBe('Chromium at /bin/chromium could not print the PDF dossier (browserType.launch: Failed to launch); reinstall it (apt-get install --reinstall chromium), point BCID_CHROMIUM to a working one, or skip the PDF with --no-pdf.');
    expect(plainFirstLine('\x1b[1mbold\x1b[0m\nsecond')).toBe('bold');
  });

  it('main() prints the sentence, not "This is a bug"', async () => {
    let stderr = '';
    const code = await main(['verify', '/nonexistent-packet-folder'], { stdout: () => {}, stderr: (t) => (stderr += t), cwd: '/', now: () => new Date(0), isTTY: false, env: {} });
    expect(code).toBe(2);
    expect(stderr).not.toMatch(/bug in bcid/);
  });
});
