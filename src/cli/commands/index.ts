import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { registerCompare } from './compare.js';
import { registerDossier } from './dossier.js';
import { registerGenerate } from './generate.js';
import { registerLoan } from './loan.js';
import { registerRisk } from './risk.js';
import { registerRun } from './run.js';
import { registerValidate } from './validate.js';
import { registerVerify } from './verify.js';

export function registerCommands(program: Command, io: CliIo): void {
  registerValidate(program, io);
  registerRun(program, io);
  registerDossier(program, io);
  registerLoan(program, io);
  registerVerify(program, io);
  registerGenerate(program, io);
  registerRisk(program, io);
  registerCompare(program, io);
}
