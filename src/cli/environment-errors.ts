/**
 * Failures of the environment, not of bcid: a full disk, a folder we may not
 * write, a missing or broken Chromium, a corrupt manifest. Each becomes exit 1
 * (a file the user gave is bad) or 2 (environment or usage) with one plain
 * sentence and the fix, instead of "This is a bug in bcid" (exit 3, kept for
 * real bugs).
 */
import { ExitCode } from './exit-code.js';

export interface Classified {
  readonly code: ExitCode;
  readonly message: string;
}

/** Errors the io and render layers throw on purpose, by name (no heavy imports here). */
const ENVIRONMENT_ERRORS = new Set([
  'OutputDirError',
  'UnsafeWriteError',
  'PacketTargetError',
  'PacketLockedError',
  'EnvironmentError',
  'ChromiumMissingError',
  'ChromiumBrokenError',
]);
const BAD_USER_FILE = new Set(['ManifestError']);

function errnoSentence(code: string, where: string): string | null {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk is full (${code}) while writing ${where}; free some space and run again (the previous report packet is unchanged)`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code}) on ${where}; fix its permissions or choose another folder with --out`;
    case 'EROFS':
      return `${where} is on a read-only file system (EROFS); choose another folder with --out`;
    case 'EEXIST':
    case 'ENOTDIR':
      return `a file stands where a folder is needed (${code}) at ${where}; move that file away or choose another folder with --out`;
    case 'EISDIR':
      return `a folder stands where a file is needed (EISDIR) at ${where}; move that folder away or choose another path`;
    case 'EMFILE':
    case 'ENFILE':
      return `too many open files (${code}); close other programs or raise the limit (ulimit -n) and run again`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `${where} is in use by another program (${code}); close it (a PDF viewer or Excel, for example) and run again`;
    case 'EIO':
      return `the disk reported an input/output error (EIO) at ${where}; check the disk and run again`;
    default:
      return null;
  }
}

/** Removes terminal control sequences (Playwright logs carry ANSI colours) and keeps the first line. */
export function plainFirstLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
  return (plain.split('\n').find((l) => l.trim() !== '') ?? '').trim();
}

/** What to tell the user about an error that is not a bug; null for real bugs (exit 3). */
export function classifyEnvironmentError(e: unknown): Classified | null {
  if (!(e instanceof Error)) return null;
  if (ENVIRONMENT_ERRORS.has(e.name)) return { code: ExitCode.usage, message: plainFirstLine(e.message) };
  if (BAD_USER_FILE.has(e.name)) return { code: ExitCode.invalidInput, message: plainFirstLine(e.message) };
  const errno = e as NodeJS.ErrnoException;
  if (typeof errno.code === 'string' && typeof errno.syscall === 'string') {
    const sentence = errnoSentence(errno.code, errno.path ?? 'a report file');
    if (sentence) return { code: ExitCode.usage, message: sentence };
  }
  return null;
}
