/**
 * Runs the Monte Carlo blocks on K threads — this one when K = 1, else K worker
 * threads — and merges their results so that they are the same for any K: each block's
 * floating sums in block order, the threads' integer tallies in any order. Blocks
 * are handed out as threads free up; a finished block ahead of the next one to
 * merge waits in a small buffer (about two per worker), so memory does not grow
 * with the paths.
 *
 * Workers run the compiled .js from dist/, or the .ts sources through tsx when
 * this module is itself running from sources (tsx, vitest).
 * Start the pool early (`startWorkers`): the threads load and warm up while the
 * main thread runs the allocation.
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
 * Below this many paths one thread is faster for the whole command: the workers'
 * start-up and warm-up (slowing the main thread's allocation on 2 cores by about
 * 0.25 s) cost more than they save. Measured on 2 cores, whole command, medians of 5
 * (one thread / two workers): 1,000 paths 0.62 / 0.85 s; 5,000 paths 0.92 / 0.93 s;
 * 10,000 paths 1.26 / 1.20 s; 20,000 paths 1.75 / 1.42 s; 50,000 paths 3.68 / 2.38 s.
 */
export const THREADS_FROM_PATHS = 10_000;

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

export interface PoolOptions {
  /** Starts one worker thread; tests pass threads that fail on purpose. */
  readonly spawn?: () => Worker;
}

/** Blocks queued per worker beyond the one it runs, so that it never waits for this thread. */
const QUEUED_PER_WORKER = 2;

/**
 * A pool of `size` computing threads, started now so that they load and warm up
 * while this thread loads the scenario and allocates.
 *
 * With `size` 1 this thread computes every block itself: a worker would only add
 * its start-up. With `size` ≥ 2, `size` worker threads compute and this thread
 * hands out blocks and merges them. Measured on
 * 2 cores, 10,000 paths: the main thread's first block runs cold (85–125 ms
 * against 14.5 ms once warm, the optimising compiler's time) and, while it
 * compiles, slows the worker's first blocks too; two warmed-up workers simulate in
 * 0.36 s where this thread and one worker took 0.43 s (one thread: 0.67 s). The
 * second warm-up costs the allocation about 0.1 s, which the simulation gives back
 * from about 10,000 paths (50,000 paths: 2.22 s against 2.28 s for the whole command).
 */
export function startWorkers(size: number, options: PoolOptions = {}): WorkerPool {
  const threads = Math.floor(size) >= 2 ? Math.floor(size) : 0;
  const spawn = options.spawn ?? spawnWorker;
  // The first failure of any worker from its start to the pool's close: a worker that dies while
  // the main thread is still allocating fails the next run at once, where the run would otherwise
  // send its blocks to a dead thread and wait for ever.
  let dead: Error | null = null;
  let closing = false;
  const workers = Array.from({ length: threads }, () => {
    const w = spawn();
    w.on('error', (e: Error) => {
      dead ??= e;
    });
    w.on('exit', (code: number) => {
      if (!closing) dead ??= new MonteCarloError(`a worker thread exited (code ${code})`);
    });
    return w;
  });
  const ready = workers.map(
    (w) =>
      new Promise<void>((resolve, reject) => {
        const done = () => {
          w.off('message', onMessage);
          w.off('error', onError);
          w.off('exit', onExit);
        };
        const onMessage = (m: FromWorker) => {
          if (m.type === 'ready') {
            done();
            resolve();
          }
        };
        const onError = (e: Error) => {
          done();
          reject(e);
        };
        const onExit = (code: number) => {
          done();
          reject(new MonteCarloError(`a worker thread exited (code ${code}) before it was ready`));
        };
        w.on('message', onMessage);
        w.on('error', onError);
        w.on('exit', onExit);
      }),
  );
  // A worker that fails to start rejects `ready`; keep the rejection observed until run() awaits it.
  const allReady = Promise.all(ready).then(() => undefined);
  allReady.catch(() => undefined);
  let stopped = false;
  const terminate = async () => {
    closing = true;
    await Promise.all(workers.map((w) => w.terminate()));
  };
  return {
    size: Math.max(1, threads),
    ready: allReady,
    async run(model, onBlock) {
      if (workers.length === 0) return runHere(model, onBlock);
      if (stopped) throw new MonteCarloError('the worker pool was stopped after a failed run');
      // Free: a worker takes no message before its warm-up ends anyway.
      await allReady;
      if (dead !== null) throw dead;
      try {
        return await runOnWorkers(workers, model, onBlock);
      } catch (e) {
        // The workers may still hold blocks of the failed run, whose results would reach the next one.
        stopped = true;
        await terminate();
        throw e;
      }
    },
    close: terminate,
  };
}

/** Every block on this thread, in order, yielding between blocks so that a progress bar can draw. */
async function runHere(model: McModel, onBlock: (index: number, sums: BlockSums) => void): Promise<Tally[]> {
  const local = new PathSimulator(model);
  const total = blockCount(model);
  for (let b = 0; b < total; b++) {
    onBlock(b, local.runBlock(b));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return [local.tally];
}

/** Every block on the workers, handed out as they free up; resolves with their tallies. */
function runOnWorkers(workers: readonly Worker[], model: McModel, onBlock: (index: number, sums: BlockSums) => void): Promise<Tally[]> {
  const total = blockCount(model);
  return new Promise<Tally[]>((resolve, reject) => {
    const tallies: Tally[] = [];
    let next = 0;
    let done = 0;
    let settled = false;
    // Removed when the run settles, so that the pool can run another model.
    const unlisten: (() => void)[] = [];
    const listen = <A>(w: Worker, event: 'message' | 'error' | 'exit', f: (arg: A) => void) => {
      w.on(event, f);
      unlisten.push(() => w.off(event, f));
    };
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      for (const off of unlisten) off();
      if (error === null) resolve(tallies);
      else reject(error);
    };
    const send = (w: Worker) => {
      if (next < total) w.postMessage({ type: 'block', index: next++ });
    };
    for (const w of workers) {
      listen(w, 'message', (m: FromWorker) => {
        if (settled || m.type === 'ready') return;
        if (m.type === 'block') {
          try {
            onBlock(m.index, new BlockSums(model.layout, m.sums));
          } catch (e) {
            settle(e as Error);
            return;
          }
          done++;
          if (done === total) for (const v of workers) v.postMessage({ type: 'finish' });
          else send(w);
        } else if (m.type === 'tally') {
          tallies.push(new Tally(model.layout, m.tally));
          if (tallies.length === workers.length) settle(null);
        } else settle(new MonteCarloError(`worker failed: ${m.message}${m.stack ? `\n${m.stack}` : ''}`));
      });
      listen(w, 'error', (e: Error) => settle(e));
      listen(w, 'exit', (code: number) => settle(new MonteCarloError(`a worker exited (code ${code}) before the end of the run`)));
      w.postMessage({ type: 'init', model });
    }
    if (total === 0) for (const w of workers) w.postMessage({ type: 'finish' });
    // Dealt round-robin, so that a short run is shared between the workers.
    for (let q = 0; q <= QUEUED_PER_WORKER; q++) for (const w of workers) send(w);
  });
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
