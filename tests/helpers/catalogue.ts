import { appendFileSync, cpSync, existsSync, mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readCatalogue, type CatalogueCase } from '../../scripts/errors-doc.js';
import { REPO_ROOT, tempProject } from './project.js';

export function catalogue(): CatalogueCase[] {
  return readCatalogue(REPO_ROOT);
}

/** A temporary project: the mini project, the case's files on top, then its generated files. */
export function materialise(c: CatalogueCase): { root: string; dispose: () => void } {
  const project = tempProject();
  for (const file of c.overlay) {
    mkdirSync(path.dirname(path.join(project.root, file)), { recursive: true });
    cpSync(path.join(c.dir, file), path.join(project.root, file));
  }
  for (const g of c.spec.generate ?? []) {
    const target = path.join(project.root, g.file);
    mkdirSync(path.dirname(target), { recursive: true });
    if (!existsSync(target)) writeFileSync(target, '');
    if ('sizeBytes' in g) truncateSync(target, g.sizeBytes);
    else appendFileSync(target, `${g.appendLine}\n`.repeat(g.times));
  }
  return project;
}
