import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/suggest.js';
import { MEMBER_CODES } from '../schema/codes.js';
import type { InputData } from '../schema/records.js';
import type { ResolvedScenario } from '../io/scenario-loader.js';

/**
 * Checks that need more than one file: references between the scenario and the
 * data, and between the data files. Pure: the files are already parsed.
 */
export function crossCheck(
  inputs: InputData,
  resolved: ResolvedScenario,
  dataFiles: { members: string; contributions: string },
  /** Files with errors of their own: their bad rows are missing from `inputs`, so checks of completeness would mislead. */
  incomplete: ReadonlySet<string> = new Set(),
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { scenario, locate } = resolved;
  const ids = inputs.projects.map((p) => p.id);
  const idSet = new Set(ids);

  for (const list of ['pinned', 'excluded'] as const) {
    scenario.allocation[list].forEach((id, i) => {
      if (!idSet.has(id) && !incomplete.has('projects')) {
        const at = locate(['allocation', list, i]);
        const suggestion = closest(id, ids);
        out.push(diagnostic({ ...at, code: 'unknown-project', field: `allocation.${list}`, found: id, message: `allocation.${list} names project "${id}", which is not in ${scenario.data.projects}`, hint: suggestion ? `did you mean "${suggestion}"?` : 'use an id from the id column of projects.csv' }));
      }
    });
  }
  const both = scenario.allocation.pinned.filter((id) => scenario.allocation.excluded.includes(id));
  for (const id of both) {
    const at = locate(['allocation', 'excluded']);
    out.push(diagnostic({ ...at, code: 'pinned-and-excluded', field: 'allocation', found: id, message: `project "${id}" is both pinned and excluded`, hint: 'remove it from one of the two lists' }));
  }

  const { start, end } = scenario.horizon;
  for (const p of inputs.projects) {
    if (p.earliestStart > end) {
      out.push(diagnostic({ ...p.origin, code: 'year-outside-horizon', field: 'earliest_start', found: String(p.earliestStart), expected: `${start}–${end}`, message: `project ${p.id} starts in ${p.earliestStart}, after the horizon ends (${end})`, hint: 'correct the year, or extend horizon.end in the scenario' }));
    } else if (p.earliestStart > scenario.allocation.lastCommitmentYear) {
      out.push(diagnostic({ ...p.origin, severity: 'warning', code: 'start-after-window', field: 'earliest_start', found: String(p.earliestStart), message: `project ${p.id} cannot start before ${p.earliestStart}, after the last commitment year ${scenario.allocation.lastCommitmentYear}: it cannot be funded in this scenario` }));
    }
  }
  for (const c of inputs.contributions) {
    if (c.year > end) {
      out.push(diagnostic({ ...c.origin, severity: 'warning', code: 'year-outside-horizon', field: 'year', found: String(c.year), message: `contribution of ${c.member} in ${c.year} falls after the horizon (${end}) and is ignored` }));
    }
  }

  const membersWithData = new Set(inputs.members.map((m) => m.code));
  for (const code of MEMBER_CODES) {
    if (inputs.members.length > 0 && !membersWithData.has(code) && !incomplete.has('members')) {
      out.push(diagnostic({ file: dataFiles.members, line: 1, column: 1, code: 'missing-member', found: code, message: `${code} has no row in ${dataFiles.members}`, hint: 'the debt indicators need GDP, revenue and exports for every member' }));
    }
  }
  const paidIn = inputs.contributions.reduce((a, c) => a + c.paidIn, 0);
  if (inputs.contributions.length > 0 && paidIn <= 0 && !incomplete.has('contributions')) {
    out.push(diagnostic({ file: dataFiles.contributions, line: 1, column: 1, code: 'no-capital', message: 'no paid-in capital in the contributions: the bank has no equity', hint: 'fill the paid_in column' }));
  }
  return out;
}
