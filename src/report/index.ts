/**
 * The report layer: run results → format-neutral tables, chart specs and the dossier
 * document, in French, English or Arabic. Pure: no disk, no clock.
 */
export { LANGS, isLang, catalogue, type Catalogue, type Lang, type MessageKey } from './i18n/index.js';
export { createLocale, type Locale } from './locale.js';
export type { InputBasis, InputDescription, ReportContext } from './context.js';
export { column, displayDigits, filterRows, formatCell, headerLabel, selectColumns, type Cell, type ColumnKind, type ColumnSpec, type TableSpec } from './table.js';
export {
  balanceSheetTable,
  buildTables,
  cashFlowTable,
  checksTable,
  fundedTable,
  incomeTable,
  membersTable,
  ratiosTable,
  reflowsTable,
  unfundedTable,
} from './tables.js';
export { parameterRows, parametersTable, type ParameterRow } from './parameters.js';
export { unfundedReason, limitLabel, mostFrequentLimit } from './reasons.js';
export { keyFigures, type KeyFigure } from './key-figures.js';
export { buildCharts, chartContext, CHART_BUILDERS, type ChartContext, type ChartId } from './charts/index.js';
export type { AxisSpec, BarSeries, BubblePoint, BubbleSeries, ChartSpec, LineSeries, QuadrantSpec, Series, ValueFormat } from './charts/spec.js';
export {
  buildDossier,
  dossierCharts,
  inputsTable,
  keyFiguresTable,
  milestoneYears,
  type Block,
  type Dossier,
  type DossierOptions,
  type RiskSectionInput,
  type Section,
} from './dossier.js';
export { buildDossiers, buildPacket, dossierLanguages, packetTables, type PacketReportOptions, type PacketSpec } from './packet.js';
