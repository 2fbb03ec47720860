/**
 * What to undo when the user stops a run (Ctrl-C, SIGTERM, SIGHUP): remove the
 * staging folder, release the packet lock, close the browser. Without this, Node
 * dies at once on SIGINT (leaving the lock and staging to the next run) and
 * Playwright's own SIGTERM handler closes Chromium under a PDF being printed,
 * which surfaced as "This is a bug in bcid".
 *
 * Handlers are installed only while something is registered, so a command that
 * writes nothing keeps Node's default behaviour.
 */
export interface Interruption {
  readonly signal: NodeJS.Signals;
}

type SyncCleanup = () => void;
type AsyncCleanup = () => Promise<void>;

const syncCleanups = new Set<SyncCleanup>();
const asyncCleanups = new Set<AsyncCleanup>();
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** Exit code after an interruption: the environment stopped the run (2), not the data (1) or a bug (3). */
export const INTERRUPTED_EXIT_CODE = 2;
/** How long closing the browser may take before the process exits anyway. */
const ASYNC_CLEANUP_MS = 3000;

let installed = false;
let interrupted: Interruption | null = null;
let notify: (text: string) => void = (t) => process.stderr.write(t);

function onSignal(signal: NodeJS.Signals): void {
  if (interrupted) return; // a second Ctrl-C while closing: the exit below is already on its way
  interrupted = { signal };
  for (const f of [...syncCleanups]) {
    try {
      f();
    } catch {
      // best effort: the next run cleans what is left
    }
  }
  syncCleanups.clear();
  try {
    notify(`bcid: stopped by ${signal}; the previous report packet is unchanged. Run the command again to write a new one.\n`);
  } catch {
    // stderr may be gone (closed terminal)
  }
  const pending = [...asyncCleanups].map((f) => f().catch(() => undefined));
  asyncCleanups.clear();
  const timer = new Promise((resolve) => setTimeout(resolve, ASYNC_CLEANUP_MS).unref());
  void Promise.race([Promise.all(pending), timer]).then(() => process.exit(INTERRUPTED_EXIT_CODE));
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const s of SIGNALS) process.on(s, onSignal);
}

function uninstallIfIdle(): void {
  if (!installed || syncCleanups.size + asyncCleanups.size > 0 || interrupted) return;
  installed = false;
  for (const s of SIGNALS) process.off(s, onSignal);
}

/** Runs `cleanup` (synchronously) if the process is interrupted before the returned function is called. */
export function onInterruptSync(cleanup: SyncCleanup): () => void {
  syncCleanups.add(cleanup);
  install();
  return () => {
    syncCleanups.delete(cleanup);
    uninstallIfIdle();
  };
}

/** Awaits `cleanup` (bounded in time) if the process is interrupted; for closing a browser. */
export function onInterruptAsync(cleanup: AsyncCleanup): () => void {
  asyncCleanups.add(cleanup);
  install();
  return () => {
    asyncCleanups.delete(cleanup);
    uninstallIfIdle();
  };
}

/** Set when a signal arrived: work still in flight should stop, not report a failure. */
export function interruption(): Interruption | null {
  return interrupted;
}

/** Where the one-line notice goes (the CLI's stderr). */
export function setInterruptNotice(write: (text: string) => void): void {
  notify = write;
}
