/**
 * The scenario asks for something no allocation can give: a pinned project
 * that cannot be funded under the limits, pinned and excluded at once, or a
 * MILP the solver proves infeasible. This is the user's problem to fix (the
 * CLI should report it as an input error), not a crash.
 */
export class AllocationInfeasible extends Error {
  override readonly name = 'AllocationInfeasible';
  constructor(
    message: string,
    /** Projects involved (usually the pinned ones). */
    readonly projectIds: readonly string[] = [],
    /** The limit that makes it impossible, when one can be named. */
    readonly limit: string | null = null,
  ) {
    super(message);
  }
}
