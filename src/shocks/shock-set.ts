/**
 * Every shock the stress tests and the Monte Carlo can apply, as plain data:
 * what the projection of a fixed portfolio needs to know to be stressed.
 * Named stresses (src/schema/stress-names.ts) and Monte Carlo draws both produce one; the
 * engine in src/risk/path.ts applies it. A neutral set changes nothing: the
 * stressed projection is then the deterministic run's, bit for bit.
 *
 * Indices: projects in the order of the run's commitments; years as in the
 * model (index i = calendar year horizon.start + i).
 */
import { MEMBER_CODES, type MemberCode } from '../schema/codes.js';

/** A member's default on its sovereign loans (see src/risk/README.md for the accounting). */
export interface DefaultEvent {
  /** Year index of the first year in arrears. */
  readonly yearIndex: number;
  /** Years in arrears before the loss is settled (0: settled in the year of default). */
  readonly arrearsYears: number;
  /** Loss given default on the exposure at default; null: the scenario's sovereign LGD (without PCS once it is lost). */
  readonly lgd: number | null;
  /** The remainder is repaid in equal instalments over this many years, at the instrument's lending rate. */
  readonly rescheduleYears: number;
}

export interface ShockSet {
  /** Per commitment: factor on the amount the bank disburses (cost overrun co-financed pro rata, capped). */
  readonly amountFactor: Float64Array;
  /** Per commitment: extra construction years. */
  readonly delayYears: Int32Array;
  /** Per commitment: year index of a non-sovereign borrower's default, −1 for none (Monte Carlo). */
  readonly projectDefaultYear: Int32Array;
  /** Per year (horizon + look-ahead): factor on the levy received. */
  readonly levyFactor: Float64Array;
  /** Per projected year: shift of the coupon of the bonds issued at the end of that year (decimal). */
  readonly issueRateShift: Float64Array;
  /** Per projected year: 1 when the market is closed to the bank's bonds at the end of that year (no issue). */
  readonly issuanceClosed: Uint8Array;
  /** Extra years by which each member pays its paid-in capital. */
  readonly paidInDelay: Readonly<Record<MemberCode, number>>;
  readonly memberDefault: Readonly<Record<MemberCode, DefaultEvent | null>>;
  /** Year index from which preferred-creditor treatment is lost; `NEVER` when it is kept. */
  readonly pcsLossFrom: number;
  /** Exit from the CFA peg: the FCFA loses `devaluation` of its EUR value at the start of the year. */
  readonly pegExit: { readonly yearIndex: number; readonly devaluation: number } | null;
}

/** A year index no horizon reaches. */
export const NEVER = 1 << 30;

/** The same fields, writable (copies and Monte Carlo workspaces). */
export type MutableShockSet = {
  -readonly [K in keyof ShockSet]: K extends 'paidInDelay' ? Record<MemberCode, number> : K extends 'memberDefault' ? Record<MemberCode, DefaultEvent | null> : ShockSet[K];
};

export function neutralShocks(projects: number, yearsCount: number): MutableShockSet {
  return {
    amountFactor: new Float64Array(projects).fill(1),
    delayYears: new Int32Array(projects),
    projectDefaultYear: new Int32Array(projects).fill(-1),
    levyFactor: new Float64Array(yearsCount + 1).fill(1),
    issueRateShift: new Float64Array(yearsCount),
    issuanceClosed: new Uint8Array(yearsCount),
    paidInDelay: { MLI: 0, BFA: 0, NER: 0 },
    memberDefault: { MLI: null, BFA: null, NER: null },
    pcsLossFrom: NEVER,
    pegExit: null,
  };
}

/** A deep copy whose arrays the caller may change. */
export function copyShocks(s: ShockSet): MutableShockSet {
  return {
    amountFactor: s.amountFactor.slice(),
    delayYears: s.delayYears.slice(),
    projectDefaultYear: s.projectDefaultYear.slice(),
    levyFactor: s.levyFactor.slice(),
    issueRateShift: s.issueRateShift.slice(),
    issuanceClosed: s.issuanceClosed.slice(),
    paidInDelay: { ...s.paidInDelay },
    memberDefault: { ...s.memberDefault },
    pcsLossFrom: s.pcsLossFrom,
    pegExit: s.pegExit,
  };
}

/** True when the set changes nothing. */
export function isNeutral(s: ShockSet): boolean {
  return (
    s.amountFactor.every((x) => x === 1) &&
    s.delayYears.every((x) => x === 0) &&
    s.projectDefaultYear.every((x) => x < 0) &&
    s.levyFactor.every((x) => x === 1) &&
    s.issueRateShift.every((x) => x === 0) &&
    s.issuanceClosed.every((x) => x === 0) &&
    MEMBER_CODES.every((m) => s.paidInDelay[m] === 0 && s.memberDefault[m] === null) &&
    s.pcsLossFrom === NEVER &&
    s.pegExit === null
  );
}
