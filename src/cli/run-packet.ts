/**
 * The packet of a run: results.json, its machine-readable tables, the tables,
 * charts, workbook and dossiers of report/packet.ts drawn by render/packet.ts,
 * and the manifest. Shared by `bcid run` (all of it) and nothing else writes it.
 */
import type { LoadedRun } from '../io/load-run-inputs.js';
import type { ManifestEntry } from '../io/manifest.js';
import type { ProjectPaths } from '../io/project-paths.js';
import type { RunResults } from '../model/results.js';
import type { RiskSectionInput } from '../report/dossier.js';
import type { Lang } from '../report/i18n/index.js';
import { buildPacket } from '../report/packet.js';
import { resultRecords } from '../report/result-records.js';
import { recordsCsv, type CsvDialect } from '../render/csv.js';
import { describeInputs } from './input-descriptions.js';
import type { CliIo } from './io.js';
import { PacketWriter, dataSource } from './packet-writer.js';
import { VERSION } from './version.js';

export interface RunPacketOptions {
  readonly langs: readonly Lang[];
  readonly pdf: boolean;
  readonly date: string;
  readonly csvDialect: CsvDialect;
  readonly risk?: (lang: Lang) => RiskSectionInput | null;
}

export async function writeRunPacket(results: RunResults, loaded: LoadedRun, outDir: string, paths: ProjectPaths, io: CliIo, options: RunPacketOptions): Promise<readonly ManifestEntry[]> {
  const writer = new PacketWriter(outDir);
  writer.write('results.json', `${JSON.stringify(results, null, 2)}\n`);
  for (const [name, rows] of resultRecords(results)) writer.write(`tables/${name}.csv`, recordsCsv(rows, options.csvDialect));
  const inputs = describeInputs(loaded.files);
  const lang = options.langs[0] ?? 'fr';
  const spec = buildPacket(results, {
    lang,
    langs: options.langs,
    date: options.date,
    inputs,
    dataSource: dataSource(loaded.files),
    toolVersion: VERSION,
    ...(options.risk ? { risk: options.risk } : {}),
  });
  // Canvas, exceljs and Chromium load only when a packet is drawn (`bcid --help` stays fast).
  const { renderPacket } = await import('../render/packet.js');
  const files = await renderPacket(spec, { pdf: options.pdf, date: options.date, csvDialect: options.csvDialect, inputs, toolVersion: VERSION });
  for (const file of files) writer.write(file.path, file.bytes);
  writer.finish({ scenario: results.scenario.name, seed: results.scenario.seed, inputs: loaded.files }, paths, io);
  return writer.written;
}
