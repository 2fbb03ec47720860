import type { ChartSpec } from '../charts/index.js';
import type { ReportContext } from '../context.js';
import type { KeyFigure } from '../key-figures.js';
import type { Locale } from '../locale.js';
import type { TableSpec } from '../table.js';

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

/** Every chart spec used by a dossier, in order of appearance (risk charts included). */
export function dossierCharts(dossier: Dossier): ChartSpec[] {
  const out: ChartSpec[] = [];
  for (const s of dossier.sections) for (const b of s.blocks) if (b.kind === 'chart') out.push(b.chart);
  return out;
}
