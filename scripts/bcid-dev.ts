// Runs the CLI from the TypeScript sources, without building: `npx tsx scripts/bcid-dev.ts validate`.
import { main } from '../src/cli/main.js';
import { processIo } from '../src/cli/io.js';

process.exitCode = await main(process.argv.slice(2), processIo());
