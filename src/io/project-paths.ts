import path from 'node:path';

/**
 * The folders the tool reads and writes. Paths coming from scenarios or flags
 * must stay inside them unless the user passes --allow-outside: a scenario
 * downloaded from elsewhere must not make the tool read or write arbitrary files.
 */
export interface ProjectPaths {
  readonly root: string;
  readonly scenarios: string;
  readonly data: string;
  readonly reports: string;
}

export function projectPaths(root: string): ProjectPaths {
  return {
    root,
    scenarios: path.join(root, 'scenarios'),
    data: path.join(root, 'data'),
    reports: path.join(root, 'reports'),
  };
}

export function isInside(parent: string, candidate: string): boolean {
  const rel = path.relative(parent, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** A path as the user should see it in messages: relative to the project root when inside it. */
export function displayPath(root: string, absolute: string): string {
  return isInside(root, absolute) ? path.relative(root, absolute) : absolute;
}
