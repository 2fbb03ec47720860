/**
 * Construction delays: a project takes `years` more to build. Its draws are
 * spread over the longer construction, its grace lengthens with it (no one
 * repays a loan still being drawn, src/model/repayment/terms.ts) and its first
 * repayment, dividend or cash flow comes later.
 * `delays-sector`: each project's reference-class schedule overrun (share of
 * its construction time, by sector) times the Sahel security multiplier,
 * rounded to whole years (docs/domain-facts.md §5).
 */
import type { StressContext } from './context.js';
import { copyShocks, type ShockSet } from './shock-set.js';

export function applyDelays(s: ShockSet, ctx: StressContext, years: number | 'sector'): ShockSet {
  const out = copyShocks(s);
  ctx.projects.forEach((p, k) => {
    const extra = years === 'sector' ? Math.round(ctx.expectedDelay(p)) : years;
    out.delayYears[k] = out.delayYears[k]! + extra;
  });
  return out;
}
