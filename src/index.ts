/**
 * bcid-aes as a library: the finance primitives, the loaders and the model;
 * `runScenario(name, { root })` runs a scenario exactly as `bcid run` does.
 * Amounts are in millions of FCFA; rates and shares are decimals.
 */
export * from './finance/index.js';
export type { Diagnostic, SourcePosition, WithDiagnostics } from './diagnostics/diagnostic.js';
export { formatDiagnostic, formatDiagnostics } from './diagnostics/format.js';
export type { Project, MemberYear, Contribution, InputData, CountryShare } from './schema/records.js';
export { MEMBER_CODES, SECTORS, INSTRUMENTS, type MemberCode, type Sector, type Instrument } from './schema/codes.js';
export { scenarioSchema, type NamedScenario, type Scenario } from './schema/scenario.js';
export { parseProjects } from './io/parse-projects.js';
export { parseMembers } from './io/parse-members.js';
export { parseContributions } from './io/parse-contributions.js';
export { decodeText } from './io/decode.js';
export { loadScenario, type ResolvedScenario, type ScenarioReader } from './io/scenario-loader.js';
export { loadRunInputs, type LoadedRun } from './io/load-run-inputs.js';
export { loadScenarioInputs } from './pipeline/load.js';
export { runLoaded, withPaidInTiming, ScenarioProblem, type ScenarioRun } from './pipeline/run.js';
export { runScenario, ScenarioInputError, type RunScenarioOptions } from './pipeline/scenario.js';
export { projectPaths } from './io/project-paths.js';
export { runModel, type RunOptions } from './model/run.js';
export type { RunResults, AllocationRow, BankYear, MemberYearResult, InvariantCheck } from './model/results.js';
export { InvariantViolation } from './model/invariant-violation.js';
export { delayPaidIn } from './shocks/paid-in-delay.js';
export { syntheticPortfolio } from './generate/synthetic-portfolio.js';
