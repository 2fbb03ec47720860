import { catalogue, interpolate, type Lang, type MessageKey, type PluralKey, type Vars } from './i18n/index.js';

/**
 * Locale-aware text and numbers for one report language.
 *
 * Amounts in the model are millions of FCFA; reports present them in billions
 * (Mds FCFA / bn FCFA / مليار فرنك) with one decimal: `1 234,5 Mds FCFA` in French
 * (Intl fr-FR groups with U+202F and the unit is tied with U+00A0), `1,234.5 bn FCFA`
 * in English.
 *
 * Arabic uses Western (Latin) digits, `ar-u-nu-latn`, on purpose:
 * - the AES states and the Maghreb write Arabic with Western digits (it is the CLDR
 *   default for ar-MA, ar-DZ, ar-TN), so readers in the region expect them;
 * - the figures are then character-for-character those of the French and English
 *   editions, so a minister's office can cross-check the three dossiers, and years,
 *   codes and the Excel workbook read the same;
 * - pinning the numbering system keeps output byte-identical across ICU versions,
 *   whose default for plain `ar` has changed over time.
 * Direction is handled by `dir="rtl"` in HTML and RLM marks in charts; numbers are
 * LTR runs inside RTL text, which the Unicode bidi algorithm places correctly.
 */
export interface Locale {
  readonly lang: Lang;
  readonly dir: 'ltr' | 'rtl';
  /** BCP 47 tag used with Intl. */
  readonly tag: string;
  /** A message, placeholders filled. */
  t(key: MessageKey, vars?: Vars): string;
  /** A `.one` / `.other` message chosen by the plural rules of the language. */
  tn(key: PluralKey, count: number, vars?: Vars): string;
  /** Billions of FCFA without unit, from millions: 1234500 → "1 234,5". */
  amount(millions: number, digits?: number): string;
  /** Billions of FCFA with unit, from millions: 1234500 → "1 234,5 Mds FCFA". */
  money(millions: number, digits?: number): string;
  /** A ratio (decimal) as a percentage: 0.35 → "35 %"; fixed digits when given. */
  percent(ratio: number, digits?: number): string;
  /** A decimal number with fixed digits. */
  number(value: number, digits?: number): string;
  /** An integer with grouping. */
  integer(value: number): string;
  /** A year, never grouped. */
  year(value: number): string;
  /** Months with unit: "12,3 mois". */
  months(value: number, digits?: number): string;
  /** An ISO date (YYYY-MM-DD) in long form: "22 décembre 2025". */
  date(iso: string): string;
  /** A list joined by the locale's separator. */
  list(items: readonly string[]): string;
}

const TAGS: Readonly<Record<Lang, string>> = { fr: 'fr-FR', en: 'en-GB', ar: 'ar-u-nu-latn' };

/** Non-breaking space between a number and its unit. */
export const NBSP = '\u00a0';

export function createLocale(lang: Lang): Locale {
  const messages = catalogue(lang);
  const tag = TAGS[lang];
  const plural = new Intl.PluralRules(tag);
  const fixed = new Map<number, Intl.NumberFormat>();
  const fmt = (digits: number): Intl.NumberFormat => {
    let f = fixed.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits });
      fixed.set(digits, f);
    }
    return f;
  };
  const pct = new Map<string, Intl.NumberFormat>();
  const pctFmt = (min: number, max: number): Intl.NumberFormat => {
    const k = `${min}:${max}`;
    let f = pct.get(k);
    if (!f) {
      f = new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: min, maximumFractionDigits: max });
      pct.set(k, f);
    }
    return f;
  };
  // -0 would print as "-0,0"; normalise after rounding.
  const clean = (v: number, digits: number): number => {
    const r = Number(v.toFixed(digits));
    return r === 0 ? 0 : r;
  };
  const dateFmt = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  const listFmt = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' });

  const t = (key: MessageKey, vars?: Vars): string => interpolate(messages[key], vars, key);
  const locale: Locale = {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    tag,
    t,
    tn(key, count, vars) {
      // Use the exact CLDR category when the catalogue has it (Arabic months), else one/other.
      const category = plural.select(count);
      const exact = `${key}.${category}`;
      const form = Object.hasOwn(messages, exact) ? exact : `${key}.${category === 'one' ? 'one' : 'other'}`;
      return t(form as MessageKey, { count, ...vars });
    },
    amount(millions, digits = 1) {
      return fmt(digits).format(clean(millions / 1000, digits));
    },
    money(millions, digits = 1) {
      return `${locale.amount(millions, digits)}${NBSP}${messages['unit.bnFcfa']}`;
    },
    percent(ratio, digits) {
      if (digits !== undefined) return pctFmt(digits, digits).format(clean(ratio, digits + 2));
      return pctFmt(0, 1).format(clean(ratio, 3));
    },
    number(value, digits = 2) {
      return fmt(digits).format(clean(value, digits));
    },
    integer(value) {
      return fmt(0).format(clean(value, 0));
    },
    year(value) {
      return String(Math.round(value));
    },
    months(value, digits = 1) {
      const v = clean(value, digits);
      return `${fmt(digits).format(v)}${NBSP}${locale.tn('plural.months', v)}`;
    },
    date(iso) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`date must be an ISO date YYYY-MM-DD, got "${iso}"`);
      return dateFmt.format(new Date(`${iso}T00:00:00Z`));
    },
    list(items) {
      return listFmt.format(items);
    },
  };
  return locale;
}
