import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { registerValidate } from './validate.js';

export function registerCommands(program: Command, io: CliIo): void {
  registerValidate(program, io);
}
