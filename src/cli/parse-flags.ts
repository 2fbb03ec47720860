import { UsageFailure } from './failures.js';
import { isDecimalNumeral } from './flag-values.js';

/** Flag values are checked here so that a typo is a usage error (exit 2) with the flag named. */
export function numberFlag(name: string, raw: string | undefined, options: { min?: number; max?: number; integer?: boolean } = {}): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value) || !isDecimalNumeral(raw)) throw new UsageFailure(`--${name} must be a number, written in decimals (like 12, 0.0075 or 1e6), got "${raw}"`);
  if (options.integer === true && !Number.isInteger(value)) throw new UsageFailure(`--${name} must be a whole number, got "${raw}"`);
  if (options.min !== undefined && value < options.min) throw new UsageFailure(`--${name} must be at least ${options.min}, got ${raw}`);
  if (options.max !== undefined && value > options.max) throw new UsageFailure(`--${name} must be at most ${options.max}, got ${raw}`);
  return value;
}

export function requiredNumberFlag(name: string, raw: string | undefined, options: { min?: number; max?: number; integer?: boolean } = {}): number {
  const value = numberFlag(name, raw, options);
  if (value === undefined) throw new UsageFailure(`--${name} is required`);
  return value;
}

/** "0.3,0.4,0.3" */
export function numberListFlag(name: string, raw: string | undefined): number[] | undefined {
  if (raw === undefined) return undefined;
  return raw.split(',').map((part, i) => requiredNumberFlag(`${name} (item ${i + 1})`, part));
}
