/**
 * The dossier's "risks and stress tests" section of a run, computed by the run
 * itself (issue 12 item 7): the stress scenarios the scenario names in
 * `dossier.stresses`, each run on its own allocation as `bcid compare` does, and
 * the Monte Carlo of its allocation at `risk.paths` with the scenario's seed.
 * Nothing comes from files another command left behind.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../io/hash.js';
import type { InputFile } from '../io/load-run-inputs.js';
import type { ProjectPaths } from '../io/project-paths.js';
import type { ScenarioRun } from '../pipeline/run.js';
import { monteCarloOf } from '../pipeline/montecarlo.js';
import type { RiskSectionInput } from '../report/dossier.js';
import type { Lang } from '../report/i18n/index.js';
import { riskSection } from '../report/risk/section.js';
import { riskSettings } from '../risk/calibration.js';
import { compareRuns, type ComparisonResults } from '../risk/compare.js';
import { autoWorkers, startWorkers } from '../risk/montecarlo.js';
import type { RiskResults } from '../risk/results.js';
import type { CliIo } from './io.js';
import { loadAndRun, type LoadFlags } from './load.js';

export interface DossierRisk {
  readonly comparison: ComparisonResults | null;
  readonly montecarlo: RiskResults;
  /** The stress scenarios' files: inputs of the packet too. */
  readonly inputs: readonly InputFile[];
}

/** The stress scenarios a scenario's dossier compares it with: `dossier.stresses`, never the scenario itself. */
export function dossierStresses(run: ScenarioRun): string[] {
  const { scenario } = run.results;
  return [...new Set(scenario.dossier?.stresses ?? [])].filter((n) => n !== scenario.name);
}

export async function computeDossierRisk(run: ScenarioRun, paths: ProjectPaths, io: CliIo, flags: LoadFlags): Promise<DossierRisk> {
  const stresses = [];
  for (const name of dossierStresses(run)) stresses.push(await loadAndRun(name, paths, io, flags));
  const comparison = stresses.length === 0 ? null : compareRuns([run.results, ...stresses.map((s) => s.results)]);
  const scenario = run.prep.ctx.scenario;
  const pathCount = riskSettings(scenario).paths;
  const pool = startWorkers(autoWorkers(pathCount));
  try {
    const { results } = await monteCarloOf(run, { paths: pathCount, seed: scenario.seed, pool });
    return { comparison, montecarlo: results, inputs: stresses.flatMap((s) => s.loaded.files) };
  } finally {
    await pool.close();
  }
}

/** The section in each dossier language. */
export function riskSectionOf(risk: { comparison: ComparisonResults | null; montecarlo: RiskResults | null }, scenario: string, dataSource: string): (lang: Lang) => RiskSectionInput | null {
  return (lang) => riskSection({ scenario, dataSource, ...(risk.montecarlo ? { montecarlo: risk.montecarlo } : {}), ...(risk.comparison ? { comparison: risk.comparison } : {}) }, lang);
}

/** Where a run packet keeps the results its risk section was drawn from (listed in its manifest). */
export const RISK_FILES = { montecarlo: 'risk/montecarlo.json', comparison: 'risk/comparison.json' } as const;

/**
 * The risk results of a run packet, read back by `bcid dossier`: only files the
 * packet's manifest lists, with the hash it records. A file that is not listed
 * or has changed is refused (a packet never feeds a dossier unchecked).
 */
export function readPacketRisk(
  dir: string,
  outputs: readonly { readonly path: string; readonly sha256: string }[],
): { readonly ok: true; readonly risk: { comparison: ComparisonResults | null; montecarlo: RiskResults | null } } | { readonly ok: false; readonly problem: string } {
  const read = <T>(relative: string): { value: T | null } | { problem: string } => {
    const listed = outputs.find((o) => o.path === relative);
    const file = path.join(dir, relative);
    if (listed === undefined) return existsSync(file) ? { problem: `${relative} is not listed in the packet's manifest: it was not written by this run` } : { value: null };
    if (!existsSync(file)) return { problem: `${relative} is missing from the packet` };
    const bytes = readFileSync(file);
    if (sha256(bytes) !== listed.sha256) return { problem: `${relative} has changed since \`bcid run\` wrote it` };
    try {
      return { value: JSON.parse(bytes.toString('utf8')) as T };
    } catch {
      return { problem: `${relative} is not valid JSON` };
    }
  };
  const montecarlo = read<RiskResults>(RISK_FILES.montecarlo);
  const comparison = read<ComparisonResults>(RISK_FILES.comparison);
  for (const r of [montecarlo, comparison]) if ('problem' in r) return { ok: false, problem: r.problem };
  return { ok: true, risk: { montecarlo: 'value' in montecarlo ? montecarlo.value : null, comparison: 'value' in comparison ? comparison.value : null } };
}
