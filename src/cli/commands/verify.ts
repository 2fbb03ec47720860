import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { CommandExit, UsageFailure } from '../failures.js';
import { resolvePaths } from '../context.js';
import { ExitCode } from '../exit-code.js';

export function registerVerify(program: Command, io: CliIo): void {
  program
    .command('verify')
    .description('re-hash a report packet against its manifest: which outputs changed, which inputs differ')
    .argument('<packet>', 'report folder, e.g. reports/baseline')
    .action(async (packet: string, _options: unknown, command: Command) => {
      const paths = resolvePaths(command, io);
      const dir = path.resolve(io.cwd, packet);
      const { verifyPacket, MANIFEST_FILE } = await import('../../io/manifest.js');
      if (!existsSync(path.join(dir, MANIFEST_FILE))) throw new UsageFailure(`${packet} has no ${MANIFEST_FILE}: is it a report folder written by \`bcid run\`?`);
      const { ManifestError } = await import('../../io/manifest-read.js');
      let report;
      try {
        report = verifyPacket(dir, paths.root);
      } catch (e) {
        if (!(e instanceof ManifestError)) throw e;
        io.stderr(`bcid: ${e.message}\n${packet}: NOT intact\n`);
        throw new CommandExit(ExitCode.invalidInput);
      }
      const lines: string[] = [];
      for (const f of report.changedOutputs) lines.push(`changed output: ${f}`);
      for (const f of report.missingOutputs) lines.push(`missing output: ${f}`);
      for (const f of report.unlistedOutputs) lines.push(`file not listed in ${MANIFEST_FILE} (stale or added after the run): ${f}`);
      for (const f of report.changedInputs) lines.push(`input differs from the one the report was made from: ${f}`);
      for (const f of report.missingInputs) lines.push(`input missing: ${f}`);
      if (report.ok) {
        io.stdout(`${packet}: intact — every output and input matches ${MANIFEST_FILE}, and the packet holds nothing else\n`);
        return;
      }
      io.stderr(`${lines.join('\n')}\n${packet}: NOT intact\n`);
      throw new CommandExit(ExitCode.invalidInput);
    });
}
