/**
 * Runs the Monte Carlo blocks on K threads — this one and K − 1 worker threads —
 * and merges their results so that they are the same for any K: each block's
 * floating sums in block order, the threads' integer tallies in any order. Blocks
 * are handed out as threads free up; a finished block ahead of the next one to
 * merge waits in a small buffer (about two per worker), so memory does not grow
 * with the paths.
 *
 * Workers run the compiled .js from dist/, or the .ts sources through tsx when
 * this module is itself running from sources (tsx, vitest).
 * Start the pool early (`startWorkers`): the threads load while the main thread
 * runs the allocation.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Accumulator, BlockSums, Tally, type BlockSumsMessage, type TallyMessage } from './accumulator.js';
import { blockCount, PathSimulator, type McModel } from './simulate.js';

type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'block'; readonly index: number; readonly sums: BlockSumsMessage }
  | { readonly type: 'tally'; readonly tally: TallyMessage }
  | { readonly type: 'error'; readonly message: string; readonly stack?: string };

export class MonteCarloError extends Error {
  override readonly name = 'MonteCarloError';
}

/** Default worker count: the cores the process may use, at most 8. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/**
 * Below this many paths one thread is faster for the whole command: a worker
 * thread's start-up and warm-up (about 0.25 s of CPU, slowing the main thread's
 * allocation on 2 cores by 0.2 s) cost more than its share of the paths saves
 * (measured on 2 cores, whole command, medians of 5: 1,000 paths 0.62 s on one
 * thread, 0.77 s on two; 5,000 paths 0.81 s vs 0.93 s; 10,000 paths 1.14 s vs
 * 1.08 s, within the noise; 50,000 paths 3.4 s vs 2.4 s).
 */
export const THREADS_FROM_PATHS = 20_000;

/** The worker count when --workers is not given. */
export function autoWorkers(paths: number): number {
  return paths < THREADS_FROM_PATHS ? 1 : defaultWorkers();
}

/**
 * A worker thread running worker.js (built) or worker.ts (sources, through tsx's
 * module hooks registered inside the thread: `--import tsx` in a worker's execArgv
 * does not reach its ES module loader on Node 20).
 */
function spawnWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./worker.js', here));
  let api: string;
  try {
    api = import.meta.resolve('tsx/esm/api');
  } catch {
    api = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href;
  }
  const entry = new URL('./worker.ts', here).href;
  const code = `import { register } from ${JSON.stringify(api)};\nregister();\nawait import(${JSON.stringify(entry)});\n`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
}

export interface WorkerPool {
  readonly size: number;
  /** Resolves when every thread has started and warmed up. */
  readonly ready: Promise<void>;
  /** Runs every block of the model; `onBlock` receives each block's sums (any order); resolves with the threads' tallies. */
  run(model: McModel, onBlock: (index: number, sums: BlockSums) => void): Promise<Tally[]>;
  close(): Promise<void>;
}

/**
 * A pool of `size` computing threads: this thread and `size − 1` worker threads,
 * started now so that they load and warm up while this thread loads the scenario
 * and allocates. This thread computes blocks too (it would otherwise only wait),
 * so `--workers 2` keeps two cores busy with one extra thread; each worker keeps a
 * second block queued so it never waits for this thread to hand one out.
 */
export function startWorkers(size: number): WorkerPool {
  const threads = Math.max(0, Math.floor(size) - 1);
  const workers = Array.from({ length: threads }, spawnWorker);
  const ready = workers.map(
    (w) =>
      new Promise<void>((resolve, reject) => {
        const onMessage = (m: FromWorker) => {
          if (m.type === 'ready') {
            w.off('message', onMessage);
            w.off('error', reject);
            resolve();
          }
        };
        w.on('message', onMessage);
        w.once('error', reject);
      }),
  );
  // A worker that fails to start rejects `ready`; keep the rejection observed until run() awaits it.
  const allReady = Promise.all(ready).then(() => undefined);
  allReady.catch(() => undefined);
  return {
    size: threads + 1,
    ready: allReady,
    async run(model, onBlock) {
      const total = blockCount(model);
      const local = new PathSimulator(model);
      let next = 0;
      let done = 0;
      let failure: Error | null = null;
      const tallies: Tally[] = [local.tally];
      let finished: () => void = () => undefined;
      const allTallies = new Promise<void>((resolve) => {
        finished = resolve;
      });
      const received = () => {
        if (tallies.length === workers.length + 1) finished();
      };
      const fail = (e: Error) => {
        if (failure === null) failure = e;
        finished();
      };
      const take = (): number | null => (next < total ? next++ : null);
      const blockDone = () => {
        done++;
        if (done === total) for (const w of workers) w.postMessage({ type: 'finish' });
      };
      for (const w of workers) {
        w.on('message', (m: FromWorker) => {
          if (m.type === 'ready') return;
          if (m.type === 'block') {
            try {
              onBlock(m.index, new BlockSums(model.layout, m.sums));
            } catch (e) {
              fail(e as Error);
              return;
            }
            blockDone();
            const b = take();
            if (b !== null) w.postMessage({ type: 'block', index: b });
          } else if (m.type === 'tally') {
            tallies.push(new Tally(model.layout, m.tally));
            received();
          } else fail(new MonteCarloError(`worker failed: ${m.message}${m.stack ? `\n${m.stack}` : ''}`));
        });
        w.on('error', (e) => fail(e));
        w.on('exit', (code) => {
          if (tallies.length < workers.length + 1 && code !== 0) fail(new MonteCarloError(`a worker exited with code ${code}`));
        });
        w.postMessage({ type: 'init', model });
        // Two blocks in flight per worker: one running, one queued.
        for (let q = 0; q < 2; q++) {
          const b = take();
          if (b !== null) w.postMessage({ type: 'block', index: b });
        }
      }
      // This thread takes blocks too, yielding between them so worker messages are handled.
      for (let b = take(); b !== null && failure === null; b = take()) {
        onBlock(b, local.runBlock(b));
        blockDone();
        await new Promise((r) => setImmediate(r));
      }
      if (total === 0 || workers.length === 0) {
        for (const w of workers) w.postMessage({ type: 'finish' });
        if (workers.length === 0) finished();
      }
      received();
      await allTallies;
      if (failure !== null) throw failure;
      return tallies;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

export interface MonteCarloOptions {
  /** Called after each merged block with the paths done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** All blocks of the model through the pool: sums merged in block order, tallies merged. */
export async function runMonteCarlo(model: McModel, pool: WorkerPool, options: MonteCarloOptions = {}): Promise<Accumulator> {
  const total = blockCount(model);
  const sums = new BlockSums(model.layout);
  const pending = new Map<number, BlockSums>();
  let nextMerge = 0;
  const tallies = await pool.run(model, (index, block) => {
    pending.set(index, block);
    while (pending.has(nextMerge)) {
      sums.merge(pending.get(nextMerge)!);
      pending.delete(nextMerge);
      nextMerge++;
    }
    options.onProgress?.(Math.min(model.paths, nextMerge * model.blockSize), model.paths);
  });
  if (nextMerge !== total) throw new MonteCarloError(`only ${nextMerge} of ${total} blocks were merged`);
  const tally = new Tally(model.layout);
  for (const t of tallies) tally.merge(t);
  if (tally.paths !== model.paths) throw new MonteCarloError(`${tally.paths} paths were tallied, not ${model.paths}`);
  return new Accumulator(tally, sums);
}
