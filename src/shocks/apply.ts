/**
 * Named stresses → one shock set, applied in the order written. They compose:
 * overrun and levy factors multiply, delays and rate shifts add, late capital
 * adds up per member; for defaults, PCS loss and peg exits the earliest counts.
 */
import { parseStress, type Stress } from '../schema/stress-names.js';
import { yearIndexOf, type StressContext } from './context.js';
import { applyDelays } from './delays.js';
import { applyDowngrade } from './downgrade.js';
import { applyLargestBorrowerDefault } from './largest-borrower-default.js';
import { applyLateCapital } from './late-capital.js';
import { applyMarketClosure } from './market-closure.js';
import { applyLevyShortfall } from './levy-shortfall.js';
import { applyMemberDefault } from './member-default.js';
import { applyOverruns } from './overruns.js';
import { applyPcsLoss } from './pcs-loss.js';
import { applyPegExit } from './peg-exit.js';
import { applyRateShock } from './rate-shock.js';
import { neutralShocks, type ShockSet } from './shock-set.js';

export function applyStress(s: ShockSet, stress: Stress, ctx: StressContext): ShockSet {
  switch (stress.kind) {
    case 'overruns':
      return applyOverruns(s, ctx, stress.level);
    case 'delays':
      return applyDelays(s, ctx, stress.years);
    case 'rate-shock':
      return applyRateShock(s, stress.bp, yearIndexOf(ctx, stress.fromYear, 0));
    case 'levy-shortfall':
      return applyLevyShortfall(s, stress.pct, yearIndexOf(ctx, stress.fromYear, 0));
    case 'late-capital':
      return applyLateCapital(s, stress.members, stress.years);
    case 'default':
      return applyMemberDefault(s, ctx, stress.members, stress.year, stress.arrearsYears, stress.recovery);
    case 'pcs-loss':
      return applyPcsLoss(s, yearIndexOf(ctx, stress.fromYear, 0));
    case 'peg-exit':
      return applyPegExit(s, stress.pct, yearIndexOf(ctx, stress.year, Math.min(1, ctx.years.count - 1)));
    case 'market-closure':
      return applyMarketClosure(s, stress.year - ctx.years.start, stress.years);
    case 'downgrade':
      return applyDowngrade(s, stress.bp, yearIndexOf(ctx, stress.year, 0));
    case 'largest-borrower-default':
      return applyLargestBorrowerDefault(s, ctx, stress.year, stress.arrearsYears, stress.recovery);
    case 'member-growth-shock':
    case 'member-exports-shock':
    case 'member-depreciation':
      // The members' debt paths only (member-macro.ts): the bank's projection is unchanged.
      return s;
  }
}

/** The shock set of a list of stress names (already validated by the scenario schema). */
export function shocksFor(names: readonly string[], ctx: StressContext): ShockSet {
  let s: ShockSet = neutralShocks(ctx.projects.length, ctx.years.count);
  for (const name of names) {
    const stress = parseStress(name);
    if (stress === null) throw new RangeError(`unknown stress "${name}"`);
    s = applyStress(s, stress, ctx);
  }
  return s;
}
