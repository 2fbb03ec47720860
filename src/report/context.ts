import type { Lang } from './i18n/index.js';

/** How an input file's figures were obtained; estimates are flagged in the dossier. */
export type InputBasis = 'published' | 'estimate' | 'mixed' | 'illustrative';

/** One input file of a run, as listed in the methodology section and the workbook. */
export interface InputDescription {
  /** Path relative to the project root, e.g. `data/projects.csv`. */
  readonly path: string;
  /** SHA-256 of the file's bytes, lowercase hex (computed by the caller). */
  readonly sha256: string;
  /** What the file holds, in the caller's words. */
  readonly description: string;
  readonly basis: InputBasis;
}

/** What every report needs besides the results; given by the caller, never read from the clock or disk. */
export interface ReportContext {
  readonly lang: Lang;
  /** ISO date (YYYY-MM-DD) printed on the cover and the workbook. */
  readonly date: string;
  /** Named in every chart footer, e.g. "Données BCID-AES (data/*.csv), estimations signalées". */
  readonly dataSource: string;
  readonly inputs: readonly InputDescription[];
  /** Tool version shown in the colophon, when known. */
  readonly toolVersion?: string;
}
