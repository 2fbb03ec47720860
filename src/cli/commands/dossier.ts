import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { InputFailure, UsageFailure } from '../failures.js';
import { resolvePaths } from '../context.js';
import { allowOutsideOption, langOption, mainLang, reportDate } from '../common-flags.js';
import { outputFolder } from '../output-folder.js';
import { dataSource } from '../packet-writer.js';
import { readPacketRisk, riskSectionOf } from '../dossier-risk.js';
import { describeInputs } from '../input-descriptions.js';
import { VERSION } from '../version.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { sha256 } from '../../io/hash.js';
import type { InputFile } from '../../io/load-run-inputs.js';
import { MANIFEST_FILE, type Manifest } from '../../io/manifest.js';
import type { Lang } from '../../report/i18n/index.js';
import { buildDossiers } from '../../report/packet.js';

interface DossierFlags {
  lang: Lang[];
  pdf: boolean;
  out?: string;
  date?: string;
  allowOutside: boolean;
}

export function registerDossier(program: Command, io: CliIo): void {
  program
    .command('dossier')
    .description('re-render the HTML and PDF dossier from an existing results.json (no model run)')
    .argument('[scenario]', 'scenario whose report to re-render', 'baseline')
    .addOption(langOption('languages, comma-separated: fr, en, ar'))
    .option('--no-pdf', 'skip the PDF (no browser needed)')
    .option('--out <dir>', 'report folder (default: reports/<scenario>)')
    .option('--date <yyyy-mm-dd>', 'date printed on the dossier (default: the scenario’s reportDate)')
    .addOption(allowOutsideOption('allow an output folder outside reports/'))
    .action(async (scenario: string, flags: DossierFlags, command: Command) => {
      const paths = resolvePaths(command, io);
      const dir = outputFolder(paths, flags.out, scenario, flags.allowOutside);
      const resultsFile = path.join(dir, 'results.json');
      if (!existsSync(resultsFile)) throw new UsageFailure(`${path.relative(io.cwd, resultsFile)} does not exist: run \`bcid run ${scenario}\` first`);
      const manifestFile = path.join(dir, MANIFEST_FILE);
      if (!existsSync(manifestFile)) throw new UsageFailure(`${path.relative(io.cwd, manifestFile)} is missing: run \`bcid run ${scenario}\` again`);
      const { readResults } = await import('../read-results.js');
      const read = readResults(readFileSync(resultsFile, 'utf8'), path.relative(io.cwd, resultsFile));
      if (!read.ok) {
        io.stderr(`bcid: ${read.problem}\n`);
        throw new InputFailure([]);
      }
      const results = read.value;
      let manifest: Manifest;
      try {
        manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
      } catch {
        io.stderr(`bcid: ${path.relative(io.cwd, manifestFile)} is not valid JSON (truncated or edited?): run \`bcid run ${scenario}\` again to rewrite it\n`);
        throw new InputFailure([]);
      }
      const files: InputFile[] = manifest.inputs.map((i) => ({ role: (i.role ?? 'scenario') as InputFile['role'], path: i.path, sha256: i.sha256, encoding: 'utf-8' }));
      const source = dataSource(manifest.inputs);
      // The risk section's results as this packet's run wrote them, checked against its manifest.
      const packetRisk = readPacketRisk(dir, manifest.outputs);
      if (!packetRisk.ok) {
        io.stderr(`bcid: ${path.relative(io.cwd, dir) || '.'}: ${packetRisk.problem}: run \`bcid run ${scenario}\` again\n`);
        throw new InputFailure([]);
      }
      const { comparison, montecarlo } = packetRisk.risk;
      const risk = comparison === null && montecarlo === null ? undefined : riskSectionOf(packetRisk.risk, results.scenario.name, source);
      const date = reportDate(flags.date ?? results.scenario.reportDate, io);
      const dossiers = buildDossiers(results, {
        lang: mainLang(flags.lang),
        langs: flags.lang,
        date,
        inputs: describeInputs(files),
        dataSource: source,
        toolVersion: VERSION,
        ...(risk ? { risk } : {}),
      });
      const { renderDossier } = await import('../../render/packet.js');
      const rendered = await renderDossier(dossiers, { pdf: flags.pdf, date });
      const outputs = new Map(manifest.outputs.map((o) => [o.path, o]));
      for (const f of rendered) {
        writeFileAtomic(path.join(dir, f.path), f.bytes);
        outputs.set(f.path, { path: f.path, sha256: sha256(f.bytes), bytes: f.bytes.length });
      }
      const updated = { ...manifest, createdAt: io.now().toISOString(), outputs: [...outputs.values()].sort((a, b) => a.path.localeCompare(b.path)) };
      writeFileAtomic(manifestFile, `${JSON.stringify(updated, null, 2)}\n`);
      io.stdout(`${rendered.map((f) => path.join(path.relative(io.cwd, dir), f.path)).join('\n')}\n`);
    });
}
