/**
 * The packet of a run: results.json, its machine-readable tables, the tables,
 * charts, workbook and dossiers of report/packet.ts drawn by render/packet.ts,
 * the results of the risk section (risk/*.json) and the manifest.
 */
import type { LoadedRun } from '../io/load-run-inputs.js';
import type { ManifestEntry } from '../io/manifest.js';
import type { ProjectPaths } from '../io/project-paths.js';
import type { RunResults } from '../model/results.js';
import type { Lang } from '../report/i18n/index.js';
import { buildPacket } from '../report/packet.js';
import { resultRecords } from '../report/result-records.js';
import { recordsCsv, type CsvDialect } from '../render/csv.js';
import { describeInputs } from './input-descriptions.js';
import type { CliIo } from './io.js';
import { RISK_FILES, riskSectionOf, type DossierRisk } from './dossier-risk.js';
import { PacketWriter, dataSource, uniqueInputs } from './packet-writer.js';
import { VERSION } from './version.js';

export interface RunPacketOptions {
  readonly langs: readonly Lang[];
  readonly pdf: boolean;
  readonly date: string;
  readonly csvDialect: CsvDialect;
  /** The risk section's results (none with --no-risk: the dossier then says it has no risk section). */
  readonly risk?: DossierRisk;
}

export async function writeRunPacket(results: RunResults, loaded: LoadedRun, outDir: string, paths: ProjectPaths, io: CliIo, options: RunPacketOptions): Promise<readonly ManifestEntry[]> {
  const writer = new PacketWriter(outDir);
  writer.write('results.json', `${JSON.stringify(results, null, 2)}\n`);
  for (const [name, rows] of resultRecords(results)) writer.write(`tables/${name}.csv`, recordsCsv(rows, options.csvDialect));
  const { risk } = options;
  // Every result that enters the dossier is a file of the packet, listed in its manifest.
  if (risk) {
    writer.write(RISK_FILES.montecarlo, `${JSON.stringify(risk.montecarlo, null, 2)}\n`);
    if (risk.comparison) writer.write(RISK_FILES.comparison, `${JSON.stringify(risk.comparison, null, 2)}\n`);
  }
  // The stress scenarios feed the dossier too: they are its inputs, listed with the run's own.
  const inputFiles = uniqueInputs([loaded.files, risk?.inputs ?? []]);
  const inputs = describeInputs(inputFiles);
  const lang = options.langs[0] ?? 'fr';
  const source = dataSource(loaded.files);
  const spec = buildPacket(results, {
    lang,
    langs: options.langs,
    date: options.date,
    inputs,
    dataSource: source,
    toolVersion: VERSION,
    ...(risk ? { risk: riskSectionOf(risk, results.scenario.name, source) } : {}),
  });
  // Canvas, exceljs and Chromium load only when a packet is drawn (`bcid --help` stays fast).
  const { renderPacket } = await import('../render/packet.js');
  const files = await renderPacket(spec, { pdf: options.pdf, date: options.date, csvDialect: options.csvDialect, inputs, toolVersion: VERSION });
  for (const file of files) writer.write(file.path, file.bytes);
  writer.finish({ scenario: results.scenario.name, seed: results.scenario.seed, inputs: inputFiles }, paths, io);
  return writer.written;
}
