import { copyFileSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { UsageFailure } from '../failures.js';
import { resolvePaths } from '../context.js';
import { requiredNumberFlag } from '../parse-flags.js';

export function registerGenerate(program: Command, io: CliIo): void {
  program
    .command('generate')
    .description('write a synthetic but valid project folder (data/ and scenarios/) for scale tests')
    .requiredOption('--projects <n>', 'number of projects')
    .option('--seed <s>', 'seed', '1')
    .requiredOption('--out <dir>', 'new or empty folder to create the project in; run it with `bcid --root <dir> run`')
    .option('--force', 'write into a folder that already holds files (replaces its data/ and scenarios/baseline.yaml)', false)
    .action(async (flags: { projects: string; seed: string; out: string; force: boolean }, command: Command) => {
      const count = requiredNumberFlag('projects', flags.projects, { integer: true, min: 1, max: 1_000_000 });
      const seed = requiredNumberFlag('seed', flags.seed, { integer: true, min: 0, max: 2 ** 31 - 1 });
      const paths = resolvePaths(command, io);
      const out = path.resolve(io.cwd, flags.out);
      const { isInside } = await import('../../io/project-paths.js');
      if (isInside(paths.data, out) || isInside(paths.scenarios, out)) throw new UsageFailure(`--out ${flags.out} is inside the bundled data or scenarios: choose another folder`);
      if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageFailure(`--out ${flags.out} is a file, not a folder: choose a new folder`);
      if (!flags.force && existsSync(out) && readdirSync(out).length > 0) {
        throw new UsageFailure(`--out ${flags.out} already holds files (${readdirSync(out).sort().slice(0, 3).join(', ')}); bcid generate writes a new project there and would replace its data and baseline scenario: choose a new or empty folder, or pass --force`);
      }
      const { syntheticPortfolio } = await import('../../generate/synthetic-portfolio.js');
      const { writeFileAtomic } = await import('../../io/atomic-write.js');
      const portfolio = syntheticPortfolio(count, seed);
      writeFileAtomic(path.join(out, 'data', 'projects.csv'), portfolio.projectsCsv);
      writeFileAtomic(path.join(out, 'data', 'contributions.csv'), portfolio.contributionsCsv);
      copyFileSync(path.join(paths.data, 'members.csv'), path.join(out, 'data', 'members.csv'));
      const baseline = readFileSync(path.join(paths.scenarios, 'baseline.yaml'), 'utf8').replace(
        /^description: [\s\S]*?\n(?=\S)/m,
        `description: Synthetic pipeline of ${count} projects (bcid generate --seed ${seed}).\n`,
      );
      writeFileAtomic(path.join(out, 'scenarios', 'baseline.yaml'), baseline);
      copyFileSync(path.join(paths.scenarios, 'scenario.schema.json'), path.join(out, 'scenarios', 'scenario.schema.json'));
      // The stress scenarios the baseline's dossier compares it with (dossier.stresses) extend it: the new project needs them too.
      for (const f of readdirSync(paths.scenarios)) if (/^stress-[a-z0-9-]+\.yaml$/.test(f)) copyFileSync(path.join(paths.scenarios, f), path.join(out, 'scenarios', f));
      io.stdout(`wrote ${count} projects to ${path.join(flags.out, 'data', 'projects.csv')}; try: bcid --root ${flags.out} validate\n`);
    });
}
