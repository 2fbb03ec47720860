/**
 * Worker-thread entry of the Monte Carlo (montecarlo.ts starts it): receives the
 * model once, then block indices; returns each block's floating sums (buffers
 * transferred) and, when asked to finish, its tally of counts over all its blocks. Loads only the simulation code: never canvas (stack-notes §2).
 */
import { parentPort } from 'node:worker_threads';
import { PathSimulator, type McModel } from './simulate.js';
import { warmUp } from './warmup.js';

type Message =
  | { readonly type: 'init'; readonly model: McModel }
  | { readonly type: 'block'; readonly index: number }
  | { readonly type: 'finish' }
  | { readonly type: 'close' };

/**
 * Synthetic paths run at start-up, in rounds (about 0.17 s of CPU, while the main thread
 * allocates), see warmup.ts. Four rounds of 100 warm the code as well as 500 + 3 × 250 did (first
 * real block ≈ 20 ms either way, measured in-process) at two-thirds of the CPU, which the main
 * thread's allocation shares on 2 cores: `bcid risk` with 2 workers is 0.07 s faster (median of 8).
 */
const WARMUP_ROUNDS = [100, 100, 100, 100];

const port = parentPort;
if (port === null) throw new Error('src/risk/worker.ts must run in a worker thread');
let simulator: PathSimulator | null = null;
port.on('message', (msg: Message) => {
  try {
    if (msg.type === 'init') simulator = new PathSimulator(msg.model);
    else if (msg.type === 'block') {
      if (simulator === null) throw new Error('block before init');
      const sums = simulator.runBlock(msg.index);
      port.postMessage({ type: 'block', index: msg.index, sums: sums.toMessage() }, sums.transferables());
    } else if (msg.type === 'finish') {
      if (simulator === null) throw new Error('finish before init');
      port.postMessage({ type: 'tally', tally: simulator.tally.toMessage() });
      simulator = null;
    } else port.close();
  } catch (e) {
    port.postMessage({ type: 'error', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e), stack: e instanceof Error ? e.stack : undefined });
  }
});
// Compile the hot code on synthetic paths while the main thread prepares the real model.
warmUp(WARMUP_ROUNDS);
port.postMessage({ type: 'ready' });
