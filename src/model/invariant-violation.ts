/**
 * An invariant of the model does not hold: a bug, never a user error. The CLI
 * maps it to exit code 3 and prints the check, the year and the gap.
 */
export class InvariantViolation extends Error {
  override readonly name = 'InvariantViolation';
  constructor(
    /** Name of the failed check, e.g. `balance-sheet`. */
    readonly check: string,
    /** Calendar year of the largest gap, or null for a portfolio-wide check. */
    readonly year: number | null,
    /** Size of the largest gap (millions FCFA, or ratio points for ratio limits). */
    readonly gap: number,
    detail: string,
  ) {
    super(`invariant "${check}" fails${year === null ? '' : ` in ${year}`}: gap ${gap.toPrecision(6)}; ${detail}`);
  }
}
