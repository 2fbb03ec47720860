/**
 * results.json read back (by `bcid dossier`): parsed as JSON, then checked
 * against a schema of the fields the report layer reads, with its `version`.
 * A truncated, hand-edited or older file is the user's to fix (exit 1, one
 * sentence), never a stack trace. zod loads only here (`bcid --help` stays fast).
 */
import { z } from 'zod';
import { RESULTS_VERSION, type RunResults } from '../model/results.js';
import { scenarioSchema } from '../schema/scenario.js';

const num = z.number();
const numOrNull = z.number().nullable();

const resultsSchema = z.looseObject({
  version: z.literal(RESULTS_VERSION),
  scenario: z.looseObject({ name: z.string() }),
  allocation: z.array(
    z.looseObject({ projectId: z.string(), name: z.string(), countries: z.array(z.looseObject({ member: z.string(), share: num })), sector: z.string(), instrument: z.string(), score: num, requested: num, approved: num, commitmentYear: numOrNull, funded: z.boolean() }),
  ),
  bank: z.array(z.looseObject({ year: num, loansOutstanding: num, equity: num, equityToLoans: numOrNull, liquidityMonths: numOrNull, borrowings: num, headroom: num })),
  members: z.array(z.looseObject({ member: z.string(), year: num, debtServiceToRevenue: num })),
  reflows: z.array(z.looseObject({ year: num, dimension: z.string(), key: z.string() })),
  solver: z.looseObject({ method: z.string(), status: z.string() }),
  checks: z.array(z.looseObject({ name: z.string(), ok: z.boolean() })),
});

export type ResultsRead = { readonly ok: true; readonly value: RunResults } | { readonly ok: false; readonly problem: string };

/** The problem, in one sentence naming the file, or the results. */
export function readResults(text: string, file: string): ResultsRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: `${file} is not valid JSON (truncated or edited?): run \`bcid run\` again to rewrite it` };
  }
  const version = typeof json === 'object' && json !== null && 'version' in json ? (json as { version: unknown }).version : undefined;
  if (version !== RESULTS_VERSION) {
    return { ok: false, problem: `${file} has results version ${version === undefined ? '(none)' : JSON.stringify(version)}, this bcid reads version ${RESULTS_VERSION}: run \`bcid run\` again to rewrite it` };
  }
  const parsed = resultsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: `${file} is not a bcid results file (${issue.path.join('.') || 'top level'}: ${issue.message}): run \`bcid run\` again to rewrite it` };
  }
  const { name: _name, ...scenario } = parsed.data.scenario;
  const scenarioCheck = scenarioSchema.safeParse(scenario);
  if (!scenarioCheck.success) {
    const issue = scenarioCheck.error.issues[0]!;
    return { ok: false, problem: `${file} holds an invalid scenario (scenario.${issue.path.join('.')}: ${issue.message}): run \`bcid run\` again to rewrite it` };
  }
  // The schema checks what the report reads; the values are kept exactly as written.
  return { ok: true, value: json as RunResults };
}
