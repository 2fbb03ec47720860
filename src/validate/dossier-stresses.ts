import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/suggest.js';
import type { ResolvedScenario } from '../io/scenario-loader.js';

/** Every stress scenario named in `dossier.stresses` exists (the project's scenarios are given: no disk here). */
export function checkDossierStresses(resolved: ResolvedScenario, available: readonly string[]): Diagnostic[] {
  const known = new Set(available);
  const out: Diagnostic[] = [];
  (resolved.scenario.dossier?.stresses ?? []).forEach((name, i) => {
    if (known.has(name)) return;
    const suggestion = closest(name, available);
    out.push(
      diagnostic({
        ...resolved.locate(['dossier', 'stresses', i]),
        code: 'unknown-scenario',
        field: 'dossier.stresses',
        found: name,
        message: `dossier.stresses names "${name}", which is not a scenario (scenarios/${name}.yaml)`,
        hint: suggestion ? `did you mean "${suggestion}"?` : 'run `bcid validate --list` to see the scenarios',
      }),
    );
  });
  return out;
}
