import type { DiagnosticCode } from './codes.js';

export type { DiagnosticCode } from './codes.js';

/**
 * A problem found in user data. Problems are values, collected and returned,
 * never thrown, so that `bcid validate` can report all of them at once.
 */
export interface SourcePosition {
  readonly file: string;
  /** 1-based line in the file as the user sees it in an editor. */
  readonly line: number;
  /** 1-based column; 1 when only the line is known. */
  readonly column: number;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic extends SourcePosition {
  readonly severity: Severity;
  /** Stable kind, e.g. `duplicate-id`; documented in docs/errors.md. */
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly field?: string;
  readonly found?: string;
  readonly expected?: string;
  /** What the user should do about it. */
  readonly hint?: string;
  /** The offending CSV row or YAML lines, verbatim. */
  readonly excerpt?: string;
}

export function diagnostic(d: Omit<Diagnostic, 'severity'> & { severity?: Severity }): Diagnostic {
  return { severity: 'error', ...d };
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}

/** Results that may come with problems: the beancount `(entries, errors)` pair. */
export interface WithDiagnostics<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}
