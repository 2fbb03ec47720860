/**
 * Worker-thread entry of the Monte Carlo (montecarlo.ts starts it): receives the
 * model once, then block indices; returns each block's floating sums (copied)
 * and, when asked to finish, its tally of counts over all its blocks. Loads only the simulation code: never canvas (docs/stack-notes.md §2).
 */
import { parentPort } from 'node:worker_threads';
import { PathSimulator, type McModel } from './simulate.js';
import { WARMUP_ROUNDS, warmUp } from './warmup.js';

type Message =
  | { readonly type: 'init'; readonly model: McModel }
  | { readonly type: 'block'; readonly index: number }
  | { readonly type: 'finish' }
  | { readonly type: 'close' };


const port = parentPort;
if (port === null) throw new Error('src/risk/worker.ts must run in a worker thread');
let simulator: PathSimulator | null = null;
port.on('message', (msg: Message) => {
  try {
    if (msg.type === 'init') simulator = new PathSimulator(msg.model);
    else if (msg.type === 'block') {
      if (simulator === null) throw new Error('block before init');
      const sums = simulator.runBlock(msg.index);
      // Copied (about 33 kB), not transferred: the first ArrayBuffer an isolate detaches invalidates a
      // V8 protector for good, after which every typed-array access in optimised code checks for
      // detachment — 15 % slower blocks in the worker (17 ms against 14.5 ms, measured).
      port.postMessage({ type: 'block', index: msg.index, sums: sums.toMessage() });
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
