import type { RunResults } from '../../model/results.js';
import type { ChartId } from '../charts/index.js';
import type { ChartSpec } from '../charts/spec.js';
import type { Locale } from '../locale.js';
import type { DossierOptions } from './types.js';

/** What every section of the dossier is built from. */
export interface SectionContext {
  readonly results: RunResults;
  readonly L: Locale;
  readonly charts: Readonly<Record<ChartId, ChartSpec>>;
  /** The rows of summary tables: first year, years divisible by 5, last year. */
  readonly milestones: ReadonlySet<number>;
  readonly options: DossierOptions;
}
