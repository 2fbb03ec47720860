/**
 * The PC-AES levy yields `pct` % less than projected from `fromIndex` on
 * (docs/domain-facts.md §1.2: the yield is unpublished, estimated at 25–45 bn FCFA a year).
 */
import { copyShocks, type ShockSet } from './shock-set.js';

export function applyLevyShortfall(s: ShockSet, pct: number, fromIndex: number): ShockSet {
  const out = copyShocks(s);
  for (let i = Math.max(0, fromIndex); i < out.levyFactor.length; i++) out.levyFactor[i] = out.levyFactor[i]! * (1 - pct / 100);
  return out;
}
