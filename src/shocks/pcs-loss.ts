/**
 * Loss of preferred-creditor treatment (the Afreximbank case, docs/domain-facts.md
 * §3.3–3.4): from `fromIndex` on, provisions use the credit section's PD and
 * LGD without PCS, and so does any default that has no recovery of its own.
 */
import { copyShocks, type ShockSet } from './shock-set.js';

export function applyPcsLoss(s: ShockSet, fromIndex: number): ShockSet {
  const out = copyShocks(s);
  out.pcsLossFrom = Math.min(out.pcsLossFrom, Math.max(0, fromIndex));
  return out;
}
