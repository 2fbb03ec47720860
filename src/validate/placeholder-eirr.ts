import { diagnostic, type Diagnostic, type WithDiagnostics } from '../diagnostics/diagnostic.js';
import type { LoadedRun } from '../io/load-run-inputs.js';
import type { Project } from '../schema/records.js';
import type { Scenario } from '../schema/scenario.js';

/**
 * An EIRR exactly equal to the scenario's discount rate is almost always a
 * placeholder (the figure copied from the hurdle, not an appraisal): its
 * economic NPV is then exactly 0, so the npv-per-capital objective gives the
 * project no value and the hurdle neither accepts nor rejects it on evidence.
 * A warning, not an error: the figure may be real. `bcid validate` reports it
 * (`withPlaceholderEirrWarnings`); a run does not repeat it on every invocation.
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

/** The loaded scenario's diagnostics with the placeholder-EIRR warnings added (bcid validate). */
export function withPlaceholderEirrWarnings(loaded: WithDiagnostics<LoadedRun | null>): WithDiagnostics<LoadedRun | null> {
  if (loaded.value === null) return loaded;
  const warnings = placeholderEirrWarnings(loaded.value.inputs.projects, loaded.value.resolved.scenario);
  return warnings.length === 0 ? loaded : { value: loaded.value, diagnostics: [...loaded.diagnostics, ...warnings] };
}
