/**
 * Flags several commands share, declared once so that their names, defaults
 * and help read the same everywhere; and the cover date they all derive.
 */
import { InvalidArgumentError, Option } from 'commander';
import { LANGS, type Lang } from '../report/i18n/types.js';
import type { CsvDialect } from '../render/csv.js';
import { UsageFailure } from './failures.js';
import type { CliIo } from './io.js';

export function parseLangs(raw: string): Lang[] {
  const langs = raw.split(',').map((s) => s.trim());
  const known: readonly string[] = LANGS;
  for (const l of langs) if (!known.includes(l)) throw new InvalidArgumentError(`"${l}" is not a dossier language: use fr, en or ar`);
  return [...new Set(langs)] as Lang[];
}

export const langOption = (description: string): Option => new Option('--lang <langs>', description).argParser(parseLangs).default(['fr']);

export const csvDialectOption = (): Option =>
  new Option('--csv-dialect <dialect>', 'CSV for French Excel: ; and decimal commas').choices(['rfc', 'fr'] satisfies CsvDialect[]).default('rfc');

export const allowOutsideOption = (description = 'allow data and output paths outside the project folders'): Option =>
  new Option('--allow-outside', description).default(false);

export const quietOption = (description = 'print nothing but errors'): Option => new Option('-q, --quiet', description).default(false);

/** Flags of every command that loads a scenario and writes a packet. */
export interface PacketFlags {
  out?: string;
  lang: Lang[];
  csvDialect: CsvDialect;
  allowOutside: boolean;
  quiet: boolean;
}

/** The main language: the first of --lang. */
export const mainLang = (langs: readonly Lang[]): Lang => langs[0] ?? 'fr';

/** The cover date: the flag, else the scenario's, else today (then re-runs on another day differ). */
export function reportDate(explicit: string | undefined, io: CliIo): string {
  if (explicit !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(explicit) || Number.isNaN(Date.parse(explicit))) throw new UsageFailure(`--date must be a date like 2025-12-22, got "${explicit}"`);
    return explicit;
  }
  return io.now().toISOString().slice(0, 10);
}
