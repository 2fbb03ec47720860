/**
 * Print HTML to A4 PDF (and take screenshots) with headless Chromium driven by
 * playwright-core, using Debian's `chromium` package (docs/stack-notes.md §7).
 *
 * - One browser and one page serve every document of a run (about 0.2 s per extra
 *   PDF instead of 1–2 s for a fresh page).
 * - The browser context is offline and every network request is aborted: the
 *   dossier is self-contained, and a report must never fetch anything.
 * - playwright-core is imported lazily so the CLI starts fast without it.
 * - Chromium stamps the PDF with the current time; `fixPdfDates` rewrites those
 *   stamps to the report date, keeping byte offsets, so PDFs are reproducible.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

/**
 * Chromium is there but does not start or dies while printing. Playwright's own
 * message (22 lines of log with ANSI colours) is replaced by one sentence; the
 * first line of it is kept for a clue.
 */
export class ChromiumBrokenError extends Error {
  constructor(executablePath: string, cause: unknown) {
    const first = String(cause instanceof Error ? cause.message : cause)
      // eslint-disable-next-line no-control-regex
      .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '')
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '') ?? 'no message';
    super(`Chromium at ${executablePath} could not print the PDF dossier (${first.slice(0, 200)}); reinstall it (apt-get install --reinstall chromium), point BCID_CHROMIUM to a working one, or skip the PDF with --no-pdf.`);
    this.name = 'ChromiumBrokenError';
  }
}

export class ChromiumMissingError extends Error {
  constructor(tried: readonly string[]) {
    super(
      `Chromium was not found (tried ${tried.join(', ')}) and it is needed to print the PDF dossier; ` +
        'install it: apt-get install chromium (or set BCID_CHROMIUM to its path, or skip the PDF with --no-pdf).',
    );
    this.name = 'ChromiumMissingError';
  }
}

/**
 * Where Chromium is: `BCID_CHROMIUM` if set, else the Debian binary, else the
 * Debian wrapper script. Throws `ChromiumMissingError` when none exists.
 */
export function findChromium(env: Readonly<Record<string, string | undefined>> = process.env, exists: (p: string) => boolean = existsSync): string {
  const fromEnv = env.BCID_CHROMIUM;
  const tried = fromEnv ? [fromEnv, ...CANDIDATES] : CANDIDATES;
  if (fromEnv) {
    if (exists(fromEnv)) return fromEnv;
    throw new ChromiumMissingError([fromEnv]);
  }
  for (const p of CANDIDATES) if (exists(p)) return p;
  throw new ChromiumMissingError(tried);
}

/** Whether Chromium can be found, for tests that need it. */
export function hasChromium(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  try {
    findChromium(env);
    return true;
  } catch {
    return false;
  }
}

export interface ScreenshotOptions {
  /** Viewport width in CSS pixels (default 1100). */
  readonly width?: number;
  /** Viewport height in CSS pixels (default 1500). */
  readonly height?: number;
  readonly fullPage?: boolean;
  /** Emulate print media (the PDF's look) instead of screen. */
  readonly print?: boolean;
}

export interface PdfPrinter {
  /** A4 PDF of an HTML document. */
  pdf(html: string): Promise<Uint8Array>;
  /** PNG screenshot of an HTML document. */
  screenshot(html: string, options?: ScreenshotOptions): Promise<Uint8Array>;
  /** Evaluate a JavaScript expression in a loaded document (for tests). */
  evaluate<T>(html: string, expression: string): Promise<T>;
  /** Requests the documents tried to make (they were all aborted); for tests. */
  readonly blockedRequests: readonly string[];
  close(): Promise<void>;
}

export interface PdfPrinterOptions {
  readonly executablePath?: string;
  /** Milliseconds allowed for loading one document (default 60 s). */
  readonly timeout?: number;
}

export async function createPdfPrinter(options: PdfPrinterOptions = {}): Promise<PdfPrinter> {
  const executablePath = options.executablePath ?? findChromium();
  if (!existsSync(executablePath)) throw new ChromiumMissingError([executablePath]);
  const { chromium } = await import('playwright-core');
  const { onInterruptAsync, interruption } = await import('../io/interrupt.js');
  // Our own signal handling closes the browser and then exits (Playwright's would close it under a PDF being printed and let the run go on).
  const browser = await chromium
    .launch({ executablePath, args: [...CHROMIUM_ARGS], timeout: options.timeout ?? 60_000, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false })
    .catch((e: unknown) => {
      throw new ChromiumBrokenError(executablePath, e);
    });
  const forget = onInterruptAsync(() => browser.close());
  /** A failure of the browser itself (crashed, killed) is the environment's, unless the user stopped the run. */
  const broken = (e: unknown): never => {
    if (interruption() || e instanceof ChromiumBrokenError) throw e;
    if (e instanceof Error && /Target .*closed|Browser has been closed|browser has disconnected|crash/i.test(e.message)) throw new ChromiumBrokenError(executablePath, e);
    throw e;
  };
  const blocked: string[] = [];
  try {
    const context = await browser.newContext({ offline: true, locale: 'fr-FR', timezoneId: 'UTC' });
    await context.route(/^(?!data:)/, (route) => route.abort('blockedbyclient'));
    const page = await context.newPage();
    page.on('request', (r) => {
      if (!r.url().startsWith('data:')) blocked.push(r.url());
    });
    page.setDefaultTimeout(options.timeout ?? 60_000);
    // Documents are loaded one after the other on the same page.
    let queue: Promise<unknown> = Promise.resolve();
    const load = async (html: string) => {
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)');
    };
    const serial = <T>(task: () => Promise<T>): Promise<T> => {
      const run = queue.then(task, task).catch(broken);
      queue = run.catch(() => undefined);
      return run;
    };
    return {
      blockedRequests: blocked,
      pdf: (html) =>
        serial(async () => {
          await page.emulateMedia({ media: 'print' });
          await load(html);
          const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, outline: true, tagged: true });
          return new Uint8Array(pdf);
        }),
      screenshot: (html, o = {}) =>
        serial(async () => {
          await page.emulateMedia({ media: o.print ? 'print' : 'screen' });
          await page.setViewportSize({ width: o.width ?? 1100, height: o.height ?? 1500 });
          await load(html);
          return new Uint8Array(await page.screenshot({ fullPage: o.fullPage ?? false, type: 'png' }));
        }),
      evaluate: <T>(html: string, expression: string) =>
        serial(async () => {
          await load(html);
          return (await page.evaluate(expression)) as T;
        }),
      close: async () => {
        forget();
        await browser.close();
      },
    };
  } catch (e) {
    forget();
    await browser.close();
    return broken(e);
  }
}

/**
 * Make a Chromium PDF reproducible:
 * - the creation and modification stamps (`D:YYYYMMDDHHmmSS…`) become the report
 *   date at midnight;
 * - the structure-element ids of the tagged PDF (`(node00000093)`), which come from
 *   DOM node numbers that keep growing when one page prints several documents, are
 *   renumbered in order of appearance.
 * Every replacement has the same length as what it replaces, so the cross-reference
 * offsets stay valid.
 */
export function normalisePdf(pdf: Uint8Array, isoDate: string): Uint8Array {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new Error(`date must be an ISO date YYYY-MM-DD, got "${isoDate}"`);
  const stamp = `${isoDate.replace(/-/g, '')}000000`;
  const ids = new Map<string, string>();
  const text = Buffer.from(pdf).toString('latin1');
  const fixed = text
    .replace(/(\/(?:CreationDate|ModDate)\s*\(D:)\d{14}/g, (_m, head: string) => `${head}${stamp}`)
    .replace(/(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})/g, (_m, tag: string) => `${tag}${isoDate}T00:00:00`)
    .replace(/\(node(\d+)\)/g, (_m, n: string) => {
      let id = ids.get(n);
      if (id === undefined) {
        id = String(ids.size + 1).padStart(n.length, '0');
        ids.set(n, id);
      }
      return `(node${id})`;
    });
  return new Uint8Array(Buffer.from(fixed, 'latin1'));
}
