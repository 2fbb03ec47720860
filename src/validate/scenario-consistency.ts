/**
 * Consistency between scenario keys that the schema checks one by one: the
 * horizon and the commitment window in order, the window inside the horizon,
 * grace shorter than maturity, some weight positive. Runs on the merged
 * scenario as written (even when the schema rejects another key), so that
 * `bcid validate` reports everything at once.
 */
import { diagnostic, type Diagnostic, type DiagnosticCode } from '../diagnostics/diagnostic.js';
import type { ScenarioDraft } from '../io/scenario-loader.js';

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function valueAt(data: unknown, path: readonly string[]): unknown {
  let v = data;
  for (const p of path) {
    if (!isPlainObject(v)) return undefined;
    v = v[p];
  }
  return v;
}

export function scenarioConsistency(draft: ScenarioDraft): Diagnostic[] {
  const out: Diagnostic[] = [];
  const merged = draft.data;
  const at = (path: string[], code: DiagnosticCode, message: string, extra: { found?: string; expected?: string; hint?: string }) =>
    out.push(diagnostic({ ...draft.locate(path), code, field: path.join('.'), message, ...extra }));
  const num = (path: string[]) => {
    const v = valueAt(merged, path);
    return typeof v === 'number' ? v : null;
  };
  const order = (a: string[], b: string[], what: string) => {
    const x = num(a);
    const y = num(b);
    if (x !== null && y !== null && x > y) at(b, 'inconsistent-years', `${b.join('.')} (${y}) is before ${a.join('.')} (${x})`, { hint: what });
  };
  order(['horizon', 'start'], ['horizon', 'end'], 'the horizon must end after it starts');
  order(['allocation', 'firstCommitmentYear'], ['allocation', 'lastCommitmentYear'], 'the commitment window must end after it starts');
  const start = num(['horizon', 'start']);
  const end = num(['horizon', 'end']);
  for (const key of ['firstCommitmentYear', 'lastCommitmentYear']) {
    const y = num(['allocation', key]);
    if (y !== null && start !== null && end !== null && (y < start || y > end)) {
      at(['allocation', key], 'year-outside-horizon', `allocation.${key} (${y}) is outside the horizon ${start}–${end}`, { found: String(y), expected: `${start}–${end}`, hint: 'commitments must fall inside the projection' });
    }
  }
  for (const instrument of ['sovereign', 'non-sovereign']) {
    const g = num(['lending', instrument, 'grace']);
    const y = num(['lending', instrument, 'years']);
    if (g !== null && y !== null && g >= y) {
      at(['lending', instrument, 'grace'], 'grace-too-long', `lending.${instrument}.grace (${g}) must be shorter than its maturity (${y} years)`, { hint: 'principal must be repaid in at least one year after grace' });
    }
  }
  for (const index of ['financialEconomic', 'socialIntegration', 'combine']) {
    const w = valueAt(merged, ['appraisal', 'weights', index]);
    if (isPlainObject(w) && Object.values(w).every((x) => typeof x === 'number') && Object.values(w).reduce<number>((a, x) => a + (x as number), 0) <= 0) {
      at(['appraisal', 'weights', index], 'zero-weights', `the weights of appraisal.weights.${index} are all zero`, { hint: 'give at least one criterion a positive weight' });
    }
  }
  return out;
}
