import { existsSync, statSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { CliIo } from '../io.js';
import { InputFailure, UsageFailure } from '../failures.js';
import { resolvePaths } from '../context.js';

export function registerValidate(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('check a scenario and its data files; report every problem with file:line:column')
    .argument('[scenario]', 'scenario name (scenarios/<name>.yaml)', 'baseline')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--allow-outside', 'allow data paths outside the data folder', false)
    .option('--list', 'list the scenarios and exit', false)
    .action(async (scenario: string, options: { format: 'text' | 'json'; allowOutside: boolean; list: boolean }, command: Command) => {
      const paths = resolvePaths(command, io);
      if (!existsSync(paths.scenarios) || !statSync(paths.scenarios).isDirectory()) {
        throw new UsageFailure(`${paths.root} is not a bcid project: it has no scenarios/ folder (point --root at the folder holding scenarios/ and data/)`);
      }
      if (options.list) {
        const { listScenarios } = await import('../../io/list-scenarios.js');
        io.stdout(`${listScenarios(paths).join('\n')}\n`);
        return;
      }
      const { loadScenarioInputs } = await import('../../pipeline/load.js');
      const { formatDiagnostics, summarise } = await import('../../diagnostics/format.js');
      const loaded = await loadScenarioInputs(scenario, paths, { allowOutside: options.allowOutside });
      const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
      if (options.format === 'json') {
        io.stdout(`${JSON.stringify({ valid: errors.length === 0, diagnostics: loaded.diagnostics }, null, 2)}\n`);
      } else {
        if (loaded.diagnostics.length > 0) io.stderr(`${formatDiagnostics(loaded.diagnostics)}\n\n`);
        if (errors.length === 0 && loaded.value) {
          const { inputs, resolved } = loaded.value;
          io.stdout(
            `${resolved.scenario.name}: valid (${summarise(loaded.diagnostics)}) — ${inputs.projects.length} projects, ` +
              `${new Set(inputs.members.map((m) => m.code)).size} members, ${inputs.contributions.length} contribution rows; ` +
              `horizon ${resolved.scenario.horizon.start}–${resolved.scenario.horizon.end}\n`,
          );
        } else {
          io.stderr(`${scenario}: invalid (${summarise(loaded.diagnostics)})\n`);
        }
      }
      if (errors.length > 0) throw new InputFailure(errors);
    });
}
