/**
 * `--workers` beyond the cores buys nothing but memory (64 workers took 1.8 GB
 * on 2 cores): the count is capped at the cores available, and the user told.
 */
export function capWorkers(requested: number | undefined, cores: number): { readonly workers: number | undefined; readonly notice: string | null } {
  const limit = Math.max(1, Math.floor(cores));
  if (requested === undefined || requested <= limit) return { workers: requested, notice: null };
  return { workers: limit, notice: `--workers ${requested} capped at ${limit}, the number of cores available: more workers would only use more memory` };
}
