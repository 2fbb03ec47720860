/**
 * Tornado chart of the one-at-a-time sensitivities (src/risk/tornado.ts): per
 * input, how far the lowest equity-to-loans ratio of the period moves from the
 * deterministic value when the input alone is at its favourable and at its
 * adverse value. Horizontal bars, largest swing on top, in percentage points.
 */
import { type MEMBER_CODES } from '../../schema/codes.js';
import type { RiskResults } from '../../risk/results.js';
import type { TornadoBar } from '../../risk/tornado.js';
import type { Locale } from '../locale.js';
import type { RiskChartContext } from './fan.js';
import { OKABE_ITO } from './palette.js';
import { CHART_HEIGHT, CHART_WIDTH, type ChartSpec } from './spec.js';

export function tornadoLabel(bar: TornadoBar, L: Locale): string {
  const m = /^default-(MLI|BFA|NER)$/.exec(bar.input);
  if (m) return L.t('tornado.default', { member: L.t(`member.${m[1] as (typeof MEMBER_CODES)[number]}`) });
  return L.t(`tornado.${bar.input as 'levy' | 'rates' | 'overruns' | 'delays' | 'pcs-loss' | 'peg-exit'}`);
}

export function tornadoChart(results: RiskResults, ctx: RiskChartContext): ChartSpec {
  const L = ctx.locale;
  const t = results.tornado;
  const base = t.base ?? 0;
  const delta = (v: number | null) => (v === null ? null : v - base);
  return {
    id: 'risk-tornado',
    lang: L.lang,
    dir: L.dir,
    title: L.t('chart.tornado.title'),
    subtitle: L.t('chart.tornado.subtitle', { base: L.percent(base, 1) }),
    footer: ctx.footer,
    layout: 'category',
    horizontal: true,
    categories: t.bars.map((b) => tornadoLabel(b, L)),
    x: { title: '', format: 'number' },
    y: { title: L.t('chart.tornado.axis'), format: 'percent', stacked: true },
    series: [
      { kind: 'bar', id: 'favourable', label: L.t('chart.tornado.favourable'), data: t.bars.map((b) => delta(b.favourable)), color: OKABE_ITO.bluishGreen, axis: 'y', stack: 'swing' },
      { kind: 'bar', id: 'adverse', label: L.t('chart.tornado.adverse'), data: t.bars.map((b) => delta(b.adverse)), color: OKABE_ITO.vermillion, axis: 'y', stack: 'swing' },
    ],
    width: CHART_WIDTH,
    height: Math.max(CHART_HEIGHT - 80, 140 + 48 * t.bars.length),
  };
}
