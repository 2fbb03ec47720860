import type { RunResults } from '../../model/results.js';
import type { Locale } from '../locale.js';

/** What every chart builder needs besides the results. */
export interface ChartContext {
  readonly locale: Locale;
  /** The footer line: scenario and data source. */
  readonly footer: string;
}

export function chartContext(results: RunResults, locale: Locale, dataSource: string): ChartContext {
  return {
    locale,
    footer: locale.t('common.footer', { scenario: results.scenario.name, source: dataSource, model: locale.t('app.model') }),
  };
}

/** The bank's projection years as category labels. */
export function yearLabels(results: RunResults): string[] {
  return results.bank.map((y) => String(y.year));
}
