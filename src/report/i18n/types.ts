import type { fr } from './fr.js';

/** The report languages. French is the default. */
export const LANGS = ['fr', 'en', 'ar'] as const;
export type Lang = (typeof LANGS)[number];

/** Every message key; the French catalogue is the reference. */
export type MessageKey = keyof typeof fr;

/** A complete message catalogue: exactly the keys of the French one. */
export type Catalogue = { readonly [K in MessageKey]: string };

type PluralBase<K> = K extends `${infer B}.one` ? (`${B}.other` extends MessageKey ? B : never) : never;

/** Keys that come as a `.one` / `.other` pair, named without the suffix. */
export type PluralKey = PluralBase<MessageKey>;

export function isLang(s: string): s is Lang {
  return (LANGS as readonly string[]).includes(s);
}
