import { ar } from './ar.js';
import { en } from './en.js';
import { fr } from './fr.js';
import type { Catalogue, Lang } from './types.js';

export { LANGS, isLang } from './types.js';
export type { Catalogue, Lang, MessageKey, PluralKey } from './types.js';

/**
 * French typography: a non-breaking space before `:` and inside « », a narrow
 * non-breaking space before `; ! ?`. Applied once to the French catalogue so that
 * the catalogue itself stays easy to read and edit.
 */
export function frenchTypography(s: string): string {
  return s
    .replace(/ :/g, '\u00a0:')
    .replace(/ ([;!?])/g, '\u202f$1')
    .replace(/« /g, '«\u00a0')
    .replace(/ »/g, '\u00a0»');
}

function mapCatalogue(c: Catalogue, f: (s: string) => string): Catalogue {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(c)) out[k] = f(v);
  return out as Catalogue;
}

const CATALOGUES: Readonly<Record<Lang, Catalogue>> = {
  fr: mapCatalogue(fr, frenchTypography),
  en,
  ar,
};

/** The catalogue of one language, French typography applied. */
export function catalogue(lang: Lang): Catalogue {
  return CATALOGUES[lang];
}

export type Vars = Readonly<Record<string, string | number>>;

/** Replace `{name}` placeholders; a placeholder without a value is a programming error. */
export function interpolate(template: string, vars: Vars | undefined, key: string): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const v = vars?.[name];
    if (v === undefined) throw new Error(`message ${key}: no value for {${name}}`);
    return String(v);
  });
}

/** The `{name}` placeholders of a template, sorted. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}
