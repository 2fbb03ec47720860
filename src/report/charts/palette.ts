/**
 * Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008, "Color Universal Design").
 * Every chart takes its colours from here; thresholds are black and dashed so that
 * they read without colour at all.
 */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

/** A neutral grey for secondary series (not part of Okabe–Ito, safe for all vision types). */
export const GREY = '#7F7F7F';

/** A pale tint of Okabe–Ito bluish green, for "unlimited" liquidity bars. */
export const LIGHT_GREEN = '#BFE6DA';

export const MEMBER_COLOURS = {
  MLI: OKABE_ITO.blue,
  BFA: OKABE_ITO.orange,
  NER: OKABE_ITO.bluishGreen,
} as const;

export const THRESHOLD_COLOUR = OKABE_ITO.black;
export const THRESHOLD_DASHES: readonly (readonly number[])[] = [
  [8, 5],
  [2, 4],
  [12, 4, 2, 4],
];
