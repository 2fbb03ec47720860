/**
 * A short plain-text summary of a run for the terminal (`bcid run` prints it): the
 * executive-summary key figures with their sentences, in the report language.
 */
import type { RunResults } from '../model/results.js';
import type { Lang } from '../report/i18n/index.js';
import { keyFigures } from '../report/key-figures.js';
import { createLocale } from '../report/locale.js';
import { displayWidth } from './text-table.js';

export function renderRunSummary(results: RunResults, lang: Lang = 'fr'): string {
  const L = createLocale(lang);
  const title = `${L.t('dossier.title')} · ${L.t('dossier.scenario', { name: results.scenario.name })}`;
  const lines = [title, '═'.repeat(Math.min(78, displayWidth(title))), ''];
  for (const k of keyFigures(results, L)) {
    const mark = k.status === 'warning' ? '!' : '·';
    const colon = lang === 'fr' ? '\u00a0: ' : ': ';
    lines.push(`${mark} ${k.label}${colon}${k.value}`, `  ${k.sentence}`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
