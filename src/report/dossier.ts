import type { RunResults } from '../model/results.js';
import { buildCharts, chartContext, type ChartSpec } from './charts/index.js';
import type { InputBasis, InputDescription, ReportContext } from './context.js';
import { keyFigures, type KeyFigure } from './key-figures.js';
import { createLocale, type Locale } from './locale.js';
import { parametersTable } from './parameters.js';
import { column, filterRows, selectColumns, type Cell, type TableSpec } from './table.js';
import {
  balanceSheetTable,
  cashFlowTable,
  checksTable,
  fundedTable,
  incomeTable,
  membersTable,
  ratiosTable,
  reflowsTable,
  unfundedTable,
} from './tables.js';

/**
 * The dossier as a format-neutral document: sections of blocks (paragraphs, key
 * figures, tables, charts). `render/html.ts` turns it into HTML; the PDF is printed
 * from that. Every string is already in the report language; none is escaped here.
 */
export type Block =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'callout'; readonly tone: 'warning' | 'info'; readonly text: string }
  | { readonly kind: 'keyFigures'; readonly items: readonly KeyFigure[] }
  | { readonly kind: 'table'; readonly table: TableSpec; readonly compact?: boolean }
  | { readonly kind: 'chart'; readonly chart: ChartSpec }
  | { readonly kind: 'list'; readonly items: readonly string[] };

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly Block[];
  /** Print on landscape pages (wide annex tables). */
  readonly landscape?: boolean;
}

export interface Dossier {
  readonly lang: Locale['lang'];
  readonly dir: Locale['dir'];
  readonly scenario: string;
  readonly title: string;
  readonly subtitle: string;
  readonly summit: string;
  readonly scenarioLine: string;
  readonly description: string | null;
  readonly dateLine: string;
  readonly audience: string;
  readonly members: string;
  readonly units: string;
  readonly runningHeader: string;
  readonly pageLabel: string;
  readonly tocTitle: string;
  readonly figureLabel: string;
  readonly tableLabel: string;
  readonly colophon: string;
  readonly sections: readonly Section[];
}

/**
 * Stress-test results for section 7, filled by the risk module (issue 5) when it
 * exists: paragraphs, then tables and chart specs built in the report language,
 * then any further blocks. Charts given here are rendered like the others.
 */
export interface RiskSectionInput {
  readonly intro?: readonly string[];
  readonly tables?: readonly TableSpec[];
  readonly charts?: readonly ChartSpec[];
  readonly blocks?: readonly Block[];
}

export interface DossierOptions extends ReportContext {
  readonly sections?: { readonly risk?: RiskSectionInput };
}

/** First year, the years divisible by 5, and the last year: the rows of summary tables. */
export function milestoneYears(years: readonly number[]): Set<number> {
  const out = new Set<number>();
  if (years.length === 0) return out;
  out.add(years[0]!);
  for (const y of years) if (y % 5 === 0) out.add(y);
  out.add(years.at(-1)!);
  return out;
}

function yearRows(table: TableSpec, keep: Set<number>, yearColumn = 'year'): TableSpec {
  const i = table.columns.findIndex((c) => c.key === yearColumn);
  return filterRows(table, (r) => keep.has(Number(r[i])));
}

/** Print-style grouping: a cell equal to the one above it in the given column is left blank. */
function blankRepeats(table: TableSpec, columnIndex: number): TableSpec {
  return {
    ...table,
    rows: table.rows.map((r, i) => (i > 0 && r[columnIndex] === table.rows[i - 1]?.[columnIndex] ? r.map((c, j) => (j === columnIndex ? '' : c)) : r)),
  };
}

/** The basis of an input file; anything not fully published carries a warning sign. */
function basisLabel(basis: InputBasis, L: Locale): string {
  switch (basis) {
    case 'published':
      return L.t('common.published');
    case 'estimate':
      return `⚠ ${L.t('common.estimate')}`;
    case 'mixed':
      return `⚠ ${L.t('common.mixed')}`;
    case 'illustrative':
      return `⚠ ${L.t('common.illustrative')}`;
  }
}

export function inputsTable(inputs: readonly InputDescription[], L: Locale): TableSpec {
  return {
    id: 'inputs',
    title: L.t('table.inputs.title'),
    columns: [
      column('file', L.t('col.file'), 'text'),
      column('description', L.t('col.description'), 'text'),
      column('basis', L.t('col.basis'), 'text'),
      column('sha256', L.t('col.sha256'), 'text'),
    ],
    rows: inputs.map((i): Cell[] => [i.path, i.description, basisLabel(i.basis, L), i.sha256]),
  };
}

export function keyFiguresTable(items: readonly KeyFigure[], L: Locale): TableSpec {
  return {
    id: 'key-figures',
    title: L.t('table.keyFigures.title'),
    columns: [column('item', L.t('col.item'), 'text'), column('figure', L.t('col.figure'), 'text'), column('sentence', L.t('col.sentence'), 'text')],
    rows: items.map((k): Cell[] => [k.label, k.value, k.sentence]),
  };
}

export function buildDossier(results: RunResults, options: DossierOptions): Dossier {
  const L = createLocale(options.lang);
  const s = results.scenario;
  const charts = buildCharts(results, chartContext(results, L, options.dataSource));
  const years = results.bank.map((y) => y.year);
  const milestones = milestoneYears(years);
  const sumBank = (f: (y: RunResults['bank'][number]) => number) => results.bank.reduce((a, y) => a + f(y), 0);
  const figures = keyFigures(results, L);
  const failed = results.checks.filter((c) => !c.ok);

  const summary: Block[] = [
    { kind: 'paragraph', text: L.t('summary.intro', { name: s.name, start: L.year(s.horizon.start), end: L.year(s.horizon.end) }) },
    ...(failed.length > 0 ? [{ kind: 'callout', tone: 'warning', text: L.tn('summary.checksFailed', failed.length) } as const] : []),
    { kind: 'keyFigures', items: figures },
  ];

  const borrowing = s.funding.borrowing;
  const funding: Block[] = [
    { kind: 'paragraph', text: L.t('funding.intro', { levyShare: L.percent(s.funding.levyShareToBank) }) },
    {
      kind: 'paragraph',
      text: borrowing.enabled
        ? L.t('funding.borrowing.on', { year: L.year(borrowing.firstYear), rate: L.percent(borrowing.rate, 1), gearing: L.number(borrowing.maxGearing, 1) })
        : L.t('funding.borrowing.off'),
    },
    {
      kind: 'paragraph',
      text: L.t('funding.totals', {
        start: L.year(s.horizon.start),
        end: L.year(s.horizon.end),
        paidIn: L.money(sumBank((y) => y.paidInReceived)),
        levy: L.money(sumBank((y) => y.levyReceived)),
        borrowing: L.money(sumBank((y) => y.borrowingRaised)),
      }),
    },
    { kind: 'chart', chart: charts['sources-uses'] },
    {
      kind: 'table',
      table: yearRows(
        selectColumns(cashFlowTable(results, L), [
          'year',
          'paidInReceived',
          'levyReceived',
          'borrowingRaised',
          'principalRepaid',
          'otherReflows',
          'disbursements',
          'borrowingRepaid',
          'cash',
        ]),
        milestones,
      ),
      compact: true,
    },
  ];

  const funded = fundedTable(results, L);
  const unfunded = unfundedTable(results, L);
  const fundedCount = results.allocation.filter((r) => r.approved > 0).length;
  const pipeline: Block[] = [
    { kind: 'paragraph', text: L.t('pipeline.intro', { method: L.t(`enum.allocation.${results.solver.method}`) }) },
    {
      kind: 'paragraph',
      text: L.t('pipeline.counts', {
        funded: L.integer(fundedCount),
        total: L.integer(results.allocation.length),
        approved: L.money(results.allocation.reduce((a, r) => a + r.approved, 0)),
        requested: L.money(results.allocation.reduce((a, r) => a + r.requested, 0)),
      }),
    },
    { kind: 'chart', chart: charts['prioritisation-quadrant'] },
    { kind: 'paragraph', text: L.t('pipeline.quadrantNote') },
    { kind: 'chart', chart: charts['commitments-by-member'] },
    { kind: 'chart', chart: charts['commitments-by-sector'] },
    {
      kind: 'table',
      table: selectColumns(funded, ['id', 'name', 'countries', 'sector', 'commitmentYear', 'approved', 'score']),
    },
    { kind: 'heading', text: L.t('pipeline.unfundedTitle') },
    unfunded.rows.length === 0
      ? { kind: 'paragraph', text: L.t('pipeline.noneUnfunded') }
      : { kind: 'table', table: selectColumns(unfunded, ['id', 'name', 'countries', 'requested', 'approved', 'limit', 'reason']) },
  ];

  const sov = s.lending.sovereign;
  const ns = s.lending['non-sovereign'];
  const repayment: Block[] = [
    {
      kind: 'paragraph',
      text: L.t('repayment.intro', {
        sovYears: L.integer(sov.years),
        sovGrace: L.integer(sov.grace),
        nsYears: L.integer(ns.years),
        nsGrace: L.integer(ns.grace),
      }),
    },
    { kind: 'chart', chart: charts['portfolio-reflows'] },
    { kind: 'chart', chart: charts['member-debt-service'] },
    { kind: 'callout', tone: 'info', text: L.t('repayment.dsfNote') },
    {
      kind: 'table',
      table: yearRows(
        selectColumns(membersTable(results, L), [
          'member',
          'year',
          'debtCapacity',
          'debtService',
          'outstanding',
          'debtServiceToRevenue',
          'thresholdRevenue',
          'debtServiceToExports',
          'thresholdExports',
        ]),
        milestones,
      ),
      compact: true,
    },
  ];

  const soundness: Block[] = [
    {
      kind: 'paragraph',
      text: L.t('soundness.intro', {
        floor: L.percent(s.policy.equityToLoansFloor),
        months: L.months(s.policy.liquidityMonths, 0),
        gearing: L.number(borrowing.enabled ? borrowing.maxGearing : 0, 1),
      }),
    },
    { kind: 'chart', chart: charts['loans-equity'] },
    { kind: 'chart', chart: charts.liquidity },
    {
      kind: 'table',
      table: yearRows(
        selectColumns(ratiosTable(results, L), [
          'year',
          'equityToLoans',
          'equityToLoansFloor',
          'debtToEquity',
          'liquidityMonths',
          'capitalUtilisation',
          'largestCountryShare',
          'nplRatio',
        ]),
        milestones,
      ),
      compact: true,
    },
  ];

  const risk = options.sections?.risk;
  const riskBlocks: Block[] | null = risk
    ? [
        ...(risk.intro ?? []).map((text): Block => ({ kind: 'paragraph', text })),
        ...(risk.tables ?? []).map((table): Block => ({ kind: 'table', table })),
        ...(risk.charts ?? []).map((chart): Block => ({ kind: 'chart', chart })),
        ...(risk.blocks ?? []),
      ]
    : null;

  const sv = results.solver;
  const methodology: Block[] = [
    { kind: 'paragraph', text: L.t('methodology.intro') },
    {
      kind: 'paragraph',
      text: [
        L.t('methodology.solver', { method: L.t(`enum.allocation.${sv.method}`), status: sv.status, objective: L.number(sv.objective, 3) }),
        ...(sv.gap !== null ? [L.t('methodology.solverGap', { gap: L.percent(sv.gap, 2) })] : []),
        ...(sv.marginalScorePerBillion !== null ? [L.t('methodology.marginal', { value: L.number(sv.marginalScorePerBillion, 4) })] : []),
      ].join(' '),
    },
    {
      kind: 'paragraph',
      text:
        s.stresses && s.stresses.length > 0
          ? L.t('methodology.stresses', { list: s.stresses.join(L.t('common.listSeparator')) })
          : L.t('methodology.noStresses'),
    },
    ...(riskBlocks === null ? [{ kind: 'paragraph', text: L.t('risk.none') } as const] : []),
    { kind: 'heading', text: L.t('methodology.parameters') },
    { kind: 'table', table: blankRepeats(selectColumns(parametersTable(results, L), ['group', 'parameter', 'value']), 0), compact: true },
    { kind: 'heading', text: L.t('methodology.sources') },
    { kind: 'table', table: inputsTable(options.inputs, L), compact: true },
    { kind: 'paragraph', text: L.t('methodology.estimateFlag') },
    { kind: 'heading', text: L.t('methodology.checks') },
    failed.length === 0
      ? { kind: 'paragraph', text: L.t('methodology.checksOk', { count: L.integer(results.checks.length) }) }
      : { kind: 'table', table: checksTable(results, L), compact: true },
  ];

  const annex: Block[] = [
    { kind: 'paragraph', text: L.t('annex.intro') },
    { kind: 'table', table: balanceSheetTable(results, L), compact: true },
    { kind: 'table', table: incomeTable(results, L), compact: true },
    { kind: 'table', table: cashFlowTable(results, L), compact: true },
    { kind: 'table', table: ratiosTable(results, L), compact: true },
    { kind: 'table', table: selectColumns(membersTable(results, L), ['member', 'year', 'disbursed', 'debtService', 'outstanding', 'revenue', 'exports', 'debtServiceToRevenue', 'debtServiceToExports', 'grantElement']), compact: true },
    { kind: 'table', table: selectColumns(reflowsTable(results, L, 'total'), ['year', 'disbursed', 'principal', 'interest', 'fees', 'dividends', 'outstanding']), compact: true },
    { kind: 'table', table: funded, compact: true },
    ...(unfunded.rows.length > 0
      ? [{ kind: 'table', table: selectColumns(unfunded, ['id', 'name', 'score', 'requested', 'upliftedRequest', 'approved', 'limit', 'reasonYear', 'shortfall']), compact: true } as const]
      : []),
  ];

  const sections: Section[] = [
    { id: 'summary', title: L.t('section.summary'), blocks: summary },
    { id: 'funding', title: L.t('section.funding'), blocks: funding },
    { id: 'pipeline', title: L.t('section.pipeline'), blocks: pipeline },
    { id: 'repayment', title: L.t('section.repayment'), blocks: repayment },
    { id: 'soundness', title: L.t('section.soundness'), blocks: soundness },
    ...(riskBlocks !== null ? [{ id: 'risk', title: L.t('section.risk'), blocks: riskBlocks }] : []),
    { id: 'methodology', title: L.t('section.methodology'), blocks: methodology },
    { id: 'annex', title: L.t('section.annex'), blocks: annex, landscape: true },
  ];

  return {
    lang: L.lang,
    dir: L.dir,
    scenario: s.name,
    title: L.t('dossier.title'),
    subtitle: L.t('dossier.subtitle'),
    summit: L.t('dossier.summit'),
    scenarioLine: L.t('dossier.scenario', { name: s.name }),
    description: s.description ?? null,
    dateLine: L.t('dossier.date', { date: L.date(options.date) }),
    audience: L.t('dossier.audience'),
    members: L.t('dossier.members'),
    units: L.t('dossier.units'),
    runningHeader: L.t('dossier.runningHeader', { name: s.name }),
    pageLabel: L.t('dossier.page'),
    tocTitle: L.t('dossier.toc'),
    figureLabel: L.t('dossier.figure'),
    tableLabel: L.t('dossier.table'),
    colophon: L.t('dossier.generatedBy', { version: options.toolVersion ? ` ${options.toolVersion}` : '' }),
    sections,
  };
}

/** Every chart spec used by a dossier, in order of appearance (risk charts included). */
export function dossierCharts(dossier: Dossier): ChartSpec[] {
  const out: ChartSpec[] = [];
  for (const s of dossier.sections) for (const b of s.blocks) if (b.kind === 'chart') out.push(b.chart);
  return out;
}
