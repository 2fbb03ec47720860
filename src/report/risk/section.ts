/**
 * The dossier's "Risks and stress tests" section (the `sections.risk` hook of
 * src/render/packet.ts), in one language, from what `bcid compare` and
 * `bcid risk` wrote for the scenario: the stress-test comparison first, then the
 * Monte Carlo. Pure: the CLI reads the JSON files and passes them in.
 */
import type { Metric } from '../../risk/accumulator.js';
import type { ComparisonResults } from '../../risk/compare.js';
import type { RiskResults } from '../../risk/results.js';
import { COMPARISON_CHARTS, comparisonChart } from '../charts/comparison.js';
import { fanChart, type RiskChartContext } from '../charts/fan.js';
import { tornadoChart } from '../charts/tornado.js';
import { milestoneYears, type Block, type RiskSectionInput } from '../dossier.js';
import type { Lang } from '../i18n/index.js';
import { createLocale, type Locale } from '../locale.js';
import { filterRows, selectColumns } from '../table.js';
import { breachesTable, comparisonTable, defaultsTable, economicCapitalTable, fanMilestones, lossTable, scenariosTable } from './tables.js';

export interface RiskInputs {
  /** The scenario the dossier is about. */
  readonly scenario: string;
  readonly montecarlo?: RiskResults;
  readonly comparison?: ComparisonResults;
  /** Named in chart footers, as in the rest of the dossier. */
  readonly dataSource: string;
}

export function riskChartContext(L: Locale, scenario: string, dataSource: string): RiskChartContext {
  return { locale: L, footer: L.t('common.footer', { scenario, source: dataSource, model: L.t('app.model') }) };
}

function comparisonBlocks(c: ComparisonResults, L: Locale, ctx: RiskChartContext): Block[] {
  const floor = c.policy.equityToLoansFloor;
  const total = c.scenarios.length;
  const floorCount = c.scenarios.filter((s) => (s.indicators.yearsBelowFloor.value ?? 0) > 0).length;
  const liquidityCount = c.scenarios.filter((s) => (s.indicators.yearsBelowLiquidity.value ?? 0) > 0).length;
  return [
    { kind: 'heading', text: L.t('risk.compare.heading') },
    { kind: 'paragraph', text: L.t('risk.compare.intro', { reference: c.reference }) },
    { kind: 'table', table: scenariosTable(c, L), compact: true },
    {
      kind: 'paragraph',
      text: L.t('risk.compare.breaches', {
        floor: L.percent(floor),
        floorCount: L.integer(floorCount),
        liquidityCount: L.integer(liquidityCount),
        total: L.integer(total),
        months: L.months(c.policy.liquidityMonths, 0),
      }),
    },
    { kind: 'table', table: comparisonTable(c, L), compact: true },
    ...COMPARISON_CHARTS.map((which): Block => ({ kind: 'chart', chart: comparisonChart(c, which, ctx) })),
  ];
}

function montecarloBlocks(r: RiskResults, L: Locale, ctx: RiskChartContext): Block[] {
  const floorBreach = r.breaches.find((b) => b.limit === 'equity-to-loans')?.probability ?? 0;
  const liquidityBreach = r.breaches.find((b) => b.limit === 'liquidity')?.probability ?? 0;
  const keep = troughYears(r);
  const c = r.calibration;
  const pct = (p: number) => L.percent(p, 1);
  const blocks: Block[] = [
    { kind: 'heading', text: L.t('risk.mc.heading') },
    { kind: 'paragraph', text: L.t('risk.mc.intro', { paths: L.integer(r.paths), seed: String(r.seed), rho: L.number(c.correlation, 2) }) },
    {
      kind: 'paragraph',
      text: L.t('risk.mc.breach', {
        floor: L.percent(r.policy.equityToLoansFloor),
        floorProbability: pct(floorBreach),
        months: L.months(r.policy.liquidityMonths, 0),
        liquidityProbability: pct(liquidityBreach),
        anyProbability: pct(r.anyBreachProbability),
      }),
    },
    { kind: 'table', table: breachesTable(r, L), compact: true },
    ...(r.lowestEquityToLoans.p50 !== null && r.lowestEquityToLoans.p5 !== null && r.lowestEquityToLoans.deterministic !== null
      ? [
          {
            kind: 'paragraph',
            text: L.t('risk.mc.lowest', {
              p50: L.percent(r.lowestEquityToLoans.p50, 1),
              p5: L.percent(r.lowestEquityToLoans.p5, 1),
              deterministic: L.percent(r.lowestEquityToLoans.deterministic, 1),
            }),
          } as const,
        ]
      : []),
    ...(['equityToLoans', 'liquidityMonths'] as const satisfies readonly Metric[]).map((m): Block => ({ kind: 'chart', chart: fanChart(r, m, ctx) })),
    { kind: 'table', table: selectColumns(fanMilestones(r, 'equityToLoans', keep, L), ['year', 'p5', 'p25', 'p50', 'p75', 'p95', 'deterministic']), compact: true },
    {
      kind: 'paragraph',
      text: L.t('risk.mc.loss', {
        start: L.year(r.years[0]!),
        end: L.year(r.years[r.years.length - 1]!),
        expected: L.money(r.creditLoss.expected),
        se: L.money(r.creditLoss.standardError, 2),
        var: L.money(r.creditLoss.var95),
        cvar: L.money(r.creditLoss.cvar95),
      }),
    },
    { kind: 'table', table: selectColumns(lossTable(r, L), ['expected', 'standardError', 'var95', 'cvar95', 'var999', 'cvar999']), compact: true },
    ...economicCapitalBlocks(r, L),
    { kind: 'chart', chart: fanChart(r, 'creditLosses', ctx) },
    { kind: 'chart', chart: fanChart(r, 'equity', ctx) },
    { kind: 'table', table: defaultsTable(r, L), compact: true },
    { kind: 'paragraph', text: L.t('risk.mc.tornado') },
    { kind: 'chart', chart: tornadoChart(r, ctx) },
    {
      kind: 'callout',
      tone: 'info',
      text: L.t('risk.mc.method', {
        cap: L.percent(c.overrunFinancing.financingCap - 1),
        arrears: L.integer(c.arrearsYears),
        levySigma: L.number(c.levy.volatility, 2),
        rateSigma: L.percent(c.rates.volatility, 1),
      }),
    },
    r.identities.ok
      ? { kind: 'paragraph', text: L.t('risk.mc.identitiesOk', { paths: L.integer(r.identities.pathsChecked) }) }
      : {
          kind: 'callout',
          tone: 'warning',
          text: L.t('risk.mc.identitiesFailed', { path: String(r.identities.worstPath), identity: r.identities.worstIdentity, year: String(r.identities.worstYear ?? '') }),
        },
  ];
  return blocks;
}

/**
 * The years of the E/L distribution table: the milestone years (first, every fifth,
 * last) inside the stretch where the ratio without random shocks is below the
 * chart's cap (4 × the floor) — afterwards the book is nearly repaid and the ratio
 * runs into the thousands of percent; every year of that stretch when it holds
 * fewer than three milestones.
 */
export function troughYears(r: RiskResults): Set<number> {
  const cap = 4 * Math.max(0.05, r.policy.equityToLoansFloor);
  const window = r.fan.equityToLoans.filter((y) => y.deterministic !== null && y.deterministic <= cap).map((y) => y.year);
  if (window.length === 0) return milestoneYears(r.years);
  const inside = [...milestoneYears(window)];
  return new Set(inside.length >= 3 ? inside : window);
}

/**
 * One-year economic capital: the year whose 99.9 % loss takes the largest share of the central
 * case's equity, in words, then the table on the milestone years and that year.
 */
function economicCapitalBlocks(r: RiskResults, L: Locale): Block[] {
  let worst: RiskResults['economicCapital'][number] | null = null;
  for (const y of r.economicCapital) if (y.utilisation !== null && (worst === null || y.utilisation > worst.utilisation!)) worst = y;
  if (worst === null) return [];
  const keep = milestoneYears(r.years);
  keep.add(worst.year);
  const table = economicCapitalTable(r, L);
  return [
    {
      kind: 'paragraph',
      text: L.t('riskEc.text', {
        year: L.year(worst.year),
        loss999: L.money(worst.loss999),
        share: L.percent(worst.utilisation!, 1),
        equity: L.money(worst.equity),
        loss99: L.money(worst.loss99),
        expected: L.money(worst.expectedLoss),
      }),
    },
    { kind: 'table', table: filterRows(table, (row) => keep.has(Number(row[0]))), compact: true },
  ];
}

/** The section in one language; null when there is nothing to show. */
export function riskSection(input: RiskInputs, lang: Lang): RiskSectionInput | null {
  if (input.montecarlo === undefined && input.comparison === undefined) return null;
  const L = createLocale(lang);
  const ctx = riskChartContext(L, input.scenario, input.dataSource);
  return {
    intro: [L.t('risk.intro', { name: input.scenario })],
    blocks: [
      ...(input.comparison ? comparisonBlocks(input.comparison, L, ctx) : []),
      ...(input.montecarlo ? montecarloBlocks(input.montecarlo, L, ctx) : []),
    ],
  };
}
