import type { InputFile } from '../io/load-run-inputs.js';
import type { InputDescription } from '../report/context.js';

/** How the methodology section and the workbook describe each input file. */
const DESCRIPTIONS: Readonly<Record<InputFile['role'], Omit<InputDescription, 'path' | 'sha256'>>> = {
  scenario: { description: 'Scenario parameters (policy limits, lending terms, funding assumptions)', basis: 'illustrative' },
  projects: { description: 'Candidate projects: costs from the AES reference dataset; appraisal figures illustrative', basis: 'mixed' },
  members: { description: 'Member macro data (IMF, World Bank, BCEAO, national sources)', basis: 'mixed' },
  contributions: { description: 'Paid-in capital schedule and PC-AES levy projection', basis: 'estimate' },
  memberDebtPaths: { description: 'Analyst debt paths of the members without BCID-AES (e.g. from an IMF/World Bank DSA)', basis: 'mixed' },
};

export function describeInputs(files: readonly InputFile[]): InputDescription[] {
  return files.map((f) => ({ path: f.path, sha256: f.sha256, ...DESCRIPTIONS[f.role] }));
}
