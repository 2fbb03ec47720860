import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Project } from '../schema/records.js';
import type { Scenario } from '../schema/scenario.js';

/**
 * An EIRR exactly equal to the scenario's discount rate is almost always a
 * placeholder (the figure copied from the hurdle, not an appraisal): its
 * economic NPV is then exactly 0, so the npv-per-capital objective gives the
 * project no value and the hurdle neither accepts nor rejects it on evidence.
 * A warning, not an error: the figure may be real.
 */
export function placeholderEirrWarnings(projects: readonly Project[], scenario: Scenario): Diagnostic[] {
  const rate = scenario.appraisal.discountRate;
  return projects
    .filter((p) => p.eirr === rate)
    .map((p) =>
      diagnostic({
        ...p.origin,
        severity: 'warning',
        code: 'placeholder-eirr',
        field: 'eirr',
        found: String(p.eirr),
        message: `project ${p.id} has an EIRR exactly equal to the discount rate (${rate}): a placeholder? Its economic NPV is then 0 and it adds nothing to the allocation objective`,
        hint: 'enter the EIRR of the project’s economic appraisal, or leave it if it really is this value',
      }),
    );
}
