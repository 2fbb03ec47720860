/** tables/pricing.csv: each loan instrument's rate, grant element and the rates that matter beside it. */
import { CONCESSIONAL_THRESHOLD } from '../../finance/index.js';
import type { RunResults } from '../../model/results.js';
import type { Locale } from '../locale.js';
import { column, type Cell, type TableSpec } from '../table.js';

export function pricingTable(results: RunResults, locale: Locale): TableSpec {
  const pct = locale.t('unit.percent');
  const columns = [
    column('instrument', locale.t('col.instrument'), 'text'),
    column('rate', locale.t('col.rate'), 'ratio', pct, 2),
    column('grantElement', locale.t('col.grantElement'), 'ratio', pct, 1),
    column('concessional', locale.t('col.concessional'), 'text'),
    column('rateForConcessional', locale.t('col.rateForConcessional', { pct: locale.percent(CONCESSIONAL_THRESHOLD) }), 'ratio', pct, 2),
    column('breakEvenRate', locale.t('col.breakEvenRate'), 'ratio', pct, 2),
    column('breakEvenRateWithoutPcs', locale.t('col.breakEvenRateWithoutPcs'), 'ratio', pct, 2),
  ];
  const rows = results.pricing.map((p): Cell[] => [
    locale.t(`instrument.${p.instrument}`),
    p.rate,
    p.grantElement,
    locale.t(p.concessional ? 'common.yes' : 'common.no'),
    p.rateForConcessional,
    p.breakEvenRate,
    p.breakEvenRateWithoutPcs,
  ]);
  return { id: 'pricing', title: locale.t('table.pricing.title'), columns, rows };
}
