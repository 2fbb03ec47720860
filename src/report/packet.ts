/**
 * What a run's report packet says, as format-neutral specs: the data tables (CSV
 * files and workbook sheets) and one dossier per language. render/packet.ts draws
 * them; nothing here touches a file.
 */
import type { RunResults } from '../model/results.js';
import type { InputDescription } from './context.js';
import { buildDossier, inputsTable, keyFiguresTable, type Dossier, type RiskSectionInput } from './dossier.js';
import type { Lang } from './i18n/index.js';
import { keyFigures } from './key-figures.js';
import { createLocale } from './locale.js';
import { parametersTable } from './parameters.js';
import type { TableSpec } from './table.js';
import { buildTables } from './tables.js';

export interface PacketReportOptions {
  /** Main language: tables, workbook, chart files and the first dossier. */
  readonly lang: Lang;
  /** Further dossier languages (the main one is always included). */
  readonly langs?: readonly Lang[];
  /** ISO date (YYYY-MM-DD) for the cover. */
  readonly date: string;
  readonly inputs: readonly InputDescription[];
  /** Named in every chart footer. */
  readonly dataSource: string;
  readonly toolVersion?: string;
  /** The risk section, built in each dossier's language; null or absent: the dossier has none. */
  readonly risk?: (lang: Lang) => RiskSectionInput | null;
}

export interface PacketSpec {
  readonly scenario: string;
  /** The main language. */
  readonly lang: Lang;
  readonly tables: readonly TableSpec[];
  /** The main language's first. */
  readonly dossiers: readonly Dossier[];
}

export function dossierLanguages(options: { lang: Lang; langs?: readonly Lang[] }): Lang[] {
  return [...new Set([options.lang, ...(options.langs ?? [])])];
}

/** The data tables of the packet, in the main language: CSV files and workbook sheets. */
export function packetTables(results: RunResults, options: Pick<PacketReportOptions, 'lang' | 'inputs'>): TableSpec[] {
  const L = createLocale(options.lang);
  return [keyFiguresTable(keyFigures(results, L), L), ...buildTables(results, L), parametersTable(results, L), inputsTable(options.inputs, L)];
}

/** One dossier per language, the main one first. */
export function buildDossiers(results: RunResults, options: PacketReportOptions): Dossier[] {
  return dossierLanguages(options).map((lang) => {
    const risk = options.risk?.(lang) ?? null;
    return buildDossier(results, {
      lang,
      date: options.date,
      dataSource: options.dataSource,
      inputs: options.inputs,
      ...(options.toolVersion !== undefined ? { toolVersion: options.toolVersion } : {}),
      ...(risk ? { sections: { risk } } : {}),
    });
  });
}

export function buildPacket(results: RunResults, options: PacketReportOptions): PacketSpec {
  return { scenario: results.scenario.name, lang: options.lang, tables: packetTables(results, options), dossiers: buildDossiers(results, options) };
}
