/**
 * The dossier's risk section for a scenario, from the files `bcid compare` and
 * `bcid risk` left in <report folder>/risk/ (comparison.json, montecarlo.json);
 * undefined when there are none. Used by `bcid run` and `bcid dossier`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RiskSectionInput } from '../report/dossier.js';
import type { Lang } from '../report/i18n/index.js';
import type { ComparisonResults } from '../risk/compare.js';
import type { RiskResults } from '../risk/results.js';

export async function riskSectionFor(reportDir: string, scenario: string, dataSource: string): Promise<((lang: Lang) => RiskSectionInput | null) | undefined> {
  const read = <T extends { kind: string }>(file: string, kind: string): T | undefined => {
    const f = path.join(reportDir, 'risk', file);
    if (!existsSync(f)) return undefined;
    try {
      const value = JSON.parse(readFileSync(f, 'utf8')) as T;
      return value.kind === kind ? value : undefined;
    } catch {
      return undefined;
    }
  };
  const montecarlo = read<RiskResults>('montecarlo.json', 'bcid-risk');
  const comparison = read<ComparisonResults>('comparison.json', 'bcid-compare');
  const mc = montecarlo?.scenario === scenario ? montecarlo : undefined;
  const cmp = comparison?.reference === scenario ? comparison : undefined;
  if (mc === undefined && cmp === undefined) return undefined;
  const { riskSection } = await import('../report/risk/section.js');
  return (lang) => riskSection({ scenario, dataSource, ...(mc ? { montecarlo: mc } : {}), ...(cmp ? { comparison: cmp } : {}) }, lang);
}
