/**
 * The dossier as a format-neutral document: sections of blocks (paragraphs, key
 * figures, tables, charts), one function per section in report/dossier/.
 * `render/html.ts` turns it into HTML; the PDF is printed from that. Every string
 * is already in the report language; none is escaped here.
 */
import type { RunResults } from '../model/results.js';
import { buildCharts, chartContext } from './charts/index.js';
import { createLocale } from './locale.js';
import { annexBlocks } from './dossier/annex.js';
import type { SectionContext } from './dossier/context.js';
import { fundingBlocks } from './dossier/funding.js';
import { methodologyBlocks } from './dossier/methodology.js';
import { pipelineBlocks } from './dossier/pipeline.js';
import { repaymentBlocks } from './dossier/repayment.js';
import { riskBlocks } from './dossier/risk.js';
import { soundnessBlocks } from './dossier/soundness.js';
import { summaryBlocks } from './dossier/summary.js';
import type { Dossier, DossierOptions, Section } from './dossier/types.js';
import { milestoneYears } from './dossier/helpers.js';

export type { Block, Dossier, DossierOptions, RiskSectionInput, Section } from './dossier/types.js';
export { dossierCharts } from './dossier/types.js';
export { inputsTable, keyFiguresTable, milestoneYears } from './dossier/helpers.js';

export function buildDossier(results: RunResults, options: DossierOptions): Dossier {
  const L = createLocale(options.lang);
  const s = results.scenario;
  const c: SectionContext = {
    results,
    L,
    charts: buildCharts(results, chartContext(results, L, options.dataSource)),
    milestones: milestoneYears(results.bank.map((y) => y.year)),
    options,
  };
  const risk = riskBlocks(c);
  const sections: Section[] = [
    { id: 'summary', title: L.t('section.summary'), blocks: summaryBlocks(c) },
    { id: 'funding', title: L.t('section.funding'), blocks: fundingBlocks(c) },
    { id: 'pipeline', title: L.t('section.pipeline'), blocks: pipelineBlocks(c) },
    { id: 'repayment', title: L.t('section.repayment'), blocks: repaymentBlocks(c) },
    { id: 'soundness', title: L.t('section.soundness'), blocks: soundnessBlocks(c) },
    ...(risk !== null ? [{ id: 'risk', title: L.t('section.risk'), blocks: risk }] : []),
    { id: 'methodology', title: L.t('section.methodology'), blocks: methodologyBlocks(c) },
    { id: 'annex', title: L.t('section.annex'), blocks: annexBlocks(c), landscape: true },
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
