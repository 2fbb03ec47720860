import { describe, expect, it } from 'vitest';
import { ar } from '../../src/report/i18n/ar.js';
import { en } from '../../src/report/i18n/en.js';
import { fr } from '../../src/report/i18n/fr.js';
import { catalogue, frenchTypography, LANGS, placeholders } from '../../src/report/i18n/index.js';
import { createLocale } from '../../src/report/locale.js';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('message catalogues', () => {
  it('fr, en and ar hold exactly the same keys', () => {
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(en)).toEqual(keys(fr));
    expect(keys(ar)).toEqual(keys(fr));
  });

  it('no message is empty', () => {
    for (const lang of LANGS) for (const [k, v] of Object.entries(catalogue(lang))) expect(v.trim(), `${lang}:${k}`).not.toBe('');
  });

  it('translations use only the placeholders of the French message (and English uses all of them)', () => {
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      const ref = placeholders(fr[key]);
      expect(placeholders(en[key]), `en:${key}`).toEqual(ref);
      for (const p of placeholders(ar[key])) expect(ref, `ar:${key} uses {${p}}`).toContain(p);
    }
  });

  it('the Arabic catalogue is Arabic and the others are not', () => {
    const arabic = /[\u0600-\u06ff]/;
    const translated = Object.entries(ar).filter(([k]) => k.startsWith('section.') || k.startsWith('kf.') || k.startsWith('col.'));
    for (const [k, v] of translated) expect(v, k).toMatch(arabic);
    for (const [k, v] of Object.entries(fr)) expect(v, k).not.toMatch(arabic);
  });

  it('French typography: non-breaking spaces before high punctuation and inside guillemets', () => {
    expect(frenchTypography('Scénario : « base » ; oui ?')).toBe(`Scénario${NBSP}: «${NBSP}base${NBSP}»${NNBSP}; oui${NNBSP}?`);
    for (const v of Object.values(catalogue('fr'))) {
      expect(v).not.toMatch(/ [:;?!»]/);
      expect(v).not.toMatch(/« /);
    }
  });
});

describe('locale formatting', () => {
  const L = { fr: createLocale('fr'), en: createLocale('en'), ar: createLocale('ar') };

  it('amounts are stored in millions and shown in billions of FCFA', () => {
    expect(L.fr.money(1_234_500)).toBe(`1${NNBSP}234,5${NBSP}Mds FCFA`);
    expect(L.en.money(1_234_500)).toBe(`1,234.5${NBSP}bn FCFA`);
    expect(L.ar.money(1_234_500)).toBe(`1,234.5${NBSP}مليار فرنك`);
    expect(L.fr.money(-0.01)).toBe(`0,0${NBSP}Mds FCFA`);
  });

  it('percentages follow the locale', () => {
    // Intl fr-FR puts a no-break space before % (CLDR), which French typography asks for.
    expect(L.fr.percent(0.35)).toMatch(/^35[\u00a0\u202f]%$/);
    expect(L.fr.percent(0.3512, 1)).toMatch(/^35,1[\u00a0\u202f]%$/);
    expect(L.en.percent(0.35)).toBe('35%');
    expect(L.ar.percent(0.35)).toMatch(/^35\u200e?%\u200e?$/);
  });

  it('Arabic uses Western digits and the right plural of months', () => {
    expect(L.ar.integer(2030)).toBe('2,030');
    expect(L.ar.year(2030)).toBe('2030');
    expect(L.ar.months(12, 0)).toBe(`12${NBSP}شهرًا`);
    expect(L.ar.months(5, 0)).toBe(`5${NBSP}أشهر`);
    expect(L.fr.months(1, 0)).toBe(`1${NBSP}mois`);
    expect(L.en.months(1, 0)).toBe(`1${NBSP}month`);
    expect(L.en.months(12, 0)).toBe(`12${NBSP}months`);
  });

  it('dates are long dates of the given ISO day, whatever the time zone', () => {
    expect(L.fr.date('2025-12-22')).toBe('22 décembre 2025');
    expect(L.en.date('2025-12-22')).toBe('22 December 2025');
    expect(L.ar.date('2025-12-22')).toBe('22 ديسمبر 2025');
    expect(() => L.fr.date('22/12/2025')).toThrow(/ISO date/);
  });

  it('plural messages pick one/other by the language rules', () => {
    expect(L.fr.tn('summary.checksFailed', 1)).toMatch(/^Attention\u00a0: 1 contrôle de cohérence du modèle a échoué/);
    expect(L.fr.tn('summary.checksFailed', 3)).toMatch(/3 contrôles de cohérence du modèle ont échoué/);
    expect(L.en.tn('summary.checksFailed', 1)).toMatch(/1 model consistency check failed/);
  });

  it('a missing placeholder value is a programming error', () => {
    expect(() => L.fr.t('dossier.scenario')).toThrow(/\{name\}/);
  });
});
