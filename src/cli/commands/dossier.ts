import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { UsageFailure } from '../failures.js';
import { resolvePaths } from '../context.js';
import { parseLangs } from './run.js';

interface DossierFlags {
  lang: ('fr' | 'en' | 'ar')[];
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
    .option('--lang <langs>', 'languages, comma-separated: fr, en, ar', parseLangs, ['fr'])
    .option('--no-pdf', 'skip the PDF (no browser needed)')
    .option('--out <dir>', 'report folder (default: reports/<scenario>)')
    .option('--date <yyyy-mm-dd>', 'date printed on the dossier (default: the scenario’s reportDate)')
    .option('--allow-outside', 'allow an output folder outside reports/', false)
    .action(async (scenario: string, flags: DossierFlags, command: Command) => {
      const paths = resolvePaths(command, io);
      const { resolveOutputDir, OutputDirError } = await import('../../io/output-dir.js');
      let dir: string;
      try {
        dir = resolveOutputDir(paths, flags.out, scenario, flags.allowOutside);
      } catch (e) {
        if (e instanceof OutputDirError) throw new UsageFailure(e.message);
        throw e;
      }
      const resultsFile = path.join(dir, 'results.json');
      if (!existsSync(resultsFile)) throw new UsageFailure(`${path.relative(io.cwd, resultsFile)} does not exist: run \`bcid run ${scenario}\` first`);
      const { MANIFEST_FILE } = await import('../../io/manifest.js');
      const manifestFile = path.join(dir, MANIFEST_FILE);
      if (!existsSync(manifestFile)) throw new UsageFailure(`${path.relative(io.cwd, manifestFile)} is missing: run \`bcid run ${scenario}\` again`);
      const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as import('../../model/results.js').RunResults;
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as import('../../io/manifest.js').Manifest;
      const { renderDossier } = await import('../../render/packet.js');
      const { reportDate, DATA_SOURCE } = await import('./run-execute.js');
      const { VERSION } = await import('../version.js');
      const { writeFileAtomic } = await import('../../io/atomic-write.js');
      const { sha256 } = await import('../../io/hash.js');
      const descriptions = await import('../input-descriptions.js');
      const inputs = descriptions.describeInputs(
        manifest.inputs.map((i) => ({ role: (i.role ?? 'scenario') as 'scenario', path: i.path, sha256: i.sha256, encoding: 'utf-8' })),
      );
      // The stress tests and Monte Carlo of this scenario, if `bcid compare` / `bcid risk` wrote them (issue 5).
      const risk = await (await import('./risk.js')).riskSectionFor(dir, results.scenario.name, DATA_SOURCE);
      const files = await renderDossier(results, {
        ...(risk ? { sections: { risk } } : {}),
        lang: flags.lang[0] ?? 'fr',
        langs: flags.lang,
        pdf: flags.pdf,
        date: reportDate(flags.date ?? results.scenario.reportDate, io),
        inputs,
        dataSource: DATA_SOURCE,
        toolVersion: VERSION,
      });
      const outputs = new Map(manifest.outputs.map((o) => [o.path, o]));
      for (const f of files) {
        writeFileAtomic(path.join(dir, f.path), f.bytes);
        outputs.set(f.path, { path: f.path, sha256: sha256(f.bytes), bytes: f.bytes.length });
      }
      const updated = { ...manifest, createdAt: io.now().toISOString(), outputs: [...outputs.values()].sort((a, b) => a.path.localeCompare(b.path)) };
      writeFileAtomic(manifestFile, `${JSON.stringify(updated, null, 2)}\n`);
      io.stdout(`${files.map((f) => path.join(path.relative(io.cwd, dir), f.path)).join('\n')}\n`);
    });
}
