/**
 * One chart per debt indicator: each member's ratio with BCID-AES (solid) and
 * without it (dotted, same colour), against the threshold of each debt-carrying
 * capacity present (dashed): LIC-DSF thresholds, or the WAEMU 70 % criterion for
 * public debt / GDP.
 */
import { DEBT_INDICATORS, type DebtIndicator } from '../../model/members/thresholds.js';
import type { RunResults } from '../../model/results.js';
import { DEBT_CAPACITIES, MEMBER_CODES } from '../../schema/codes.js';
import type { ChartContext } from './context.js';
import { MEMBER_COLOURS, THRESHOLD_COLOUR, THRESHOLD_DASHES } from './palette.js';
import { CHART_HEIGHT, CHART_WIDTH, type ChartSpec, type LineSeries } from './spec.js';

const WITHOUT_DASH = [2, 4] as const;

export function memberDebtChart(results: RunResults, ctx: ChartContext, indicator: DebtIndicator): ChartSpec {
  const L = ctx.locale;
  const rows = results.members;
  const years = [...new Set(rows.map((m) => m.year))].sort((a, b) => a - b);
  const at = new Map(rows.map((m) => [`${m.member}:${m.year}`, m]));
  const members = MEMBER_CODES.filter((c) => rows.some((m) => m.member === c));
  const member = (c: (typeof MEMBER_CODES)[number]) => L.t(`member.${c}`);
  const lines: LineSeries[] = members.flatMap((c): LineSeries[] => [
    {
      kind: 'line',
      id: `${c}-with`,
      label: L.t('chart.memberDebt.with', { member: member(c) }),
      color: MEMBER_COLOURS[c],
      axis: 'y',
      role: 'data',
      data: years.map((y) => at.get(`${c}:${y}`)?.[indicator] ?? null),
    },
    {
      kind: 'line',
      id: `${c}-without`,
      label: L.t('chart.memberDebt.without', { member: member(c) }),
      color: MEMBER_COLOURS[c],
      axis: 'y',
      role: 'data',
      dash: WITHOUT_DASH,
      data: years.map((y) => at.get(`${c}:${y}`)?.[`${indicator}WithoutBcid`] ?? null),
    },
  ]);
  const capacities = indicator === 'publicDebtToGdp' ? [] : DEBT_CAPACITIES.filter((cap) => rows.some((m) => m.debtCapacity === cap));
  const thresholdOf = (cap: (typeof DEBT_CAPACITIES)[number] | null) => (y: number) =>
    rows.find((m) => m.year === y && (cap === null || m.debtCapacity === cap))?.thresholds[indicator] ?? null;
  const thresholdLine = (id: string, label: (value: string) => string, data: (number | null)[], i: number): LineSeries => {
    const values = [...new Set(data.filter((v): v is number => v !== null))];
    return {
      kind: 'line',
      id,
      label: label(values.map((v) => L.percent(v)).join('–')),
      color: THRESHOLD_COLOUR,
      axis: 'y',
      role: 'threshold',
      dash: THRESHOLD_DASHES[i % THRESHOLD_DASHES.length]!,
      data,
    };
  };
  const thresholds =
    indicator === 'publicDebtToGdp'
      ? [thresholdLine('threshold-waemu', (value) => L.t('chart.memberDebt.waemu', { value }), years.map(thresholdOf(null)), 0)]
      : capacities.map((cap, i) =>
          thresholdLine(`threshold-${cap}`, (value) => L.t('chart.memberDebt.threshold', { capacity: L.t(`capacity.${cap}`), value }), years.map(thresholdOf(cap)), i),
        );
  const top = Math.max(0, ...rows.map((m) => Math.max(m.thresholds[indicator], m[indicator], m[`${indicator}WithoutBcid`])));
  const step = top > 1.5 ? 0.5 : top > 0.5 ? 0.1 : 0.05;
  const debtClass = rows[0]?.bcidDebtIs ?? 'domestic';
  return {
    id: `member-debt-${indicator}`,
    lang: L.lang,
    dir: L.dir,
    title: L.t('chart.memberDebt.title', { indicator: L.t(`indicator.${indicator}`) }),
    subtitle: L.t('chart.memberDebt.subtitle', { debtClass: L.t(`debtClass.${debtClass}`) }),
    footer: ctx.footer,
    layout: 'category',
    categories: years.map(String),
    x: { title: L.t('chart.axis.year'), format: 'year' },
    y: { title: `${L.t(`indicator.${indicator}`)} (%)`, format: 'percent', min: 0, max: Math.max(step, Math.ceil((top * 1.1) / step) * step), step },
    series: [...lines, ...thresholds],
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  };
}

/** The six charts, in the order of the indicators. */
export function memberDebtCharts(results: RunResults, ctx: ChartContext): ChartSpec[] {
  return DEBT_INDICATORS.map((k) => memberDebtChart(results, ctx, k));
}
