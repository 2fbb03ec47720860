/** The three members of the Confederation (ISO 3166 alpha-3). */
export const MEMBER_CODES = ['MLI', 'BFA', 'NER'] as const;
export type MemberCode = (typeof MEMBER_CODES)[number];

export const SECTORS = [
  'roads',
  'rail',
  'transport-hub',
  'power-interconnection',
  'solar',
  'hydro',
  'thermal',
  'water',
  'irrigation',
  'fibre',
  'agro-industry',
  'extractives',
] as const;
export type Sector = (typeof SECTORS)[number];

export const INSTRUMENTS = ['sovereign', 'non-sovereign', 'equity'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

export const DEBT_CAPACITIES = ['weak', 'medium', 'strong'] as const;
export type DebtCapacity = (typeof DEBT_CAPACITIES)[number];

export const CONFIDENCES = ['H', 'M', 'L', 'EST'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export function isMemberCode(s: string): s is MemberCode {
  return (MEMBER_CODES as readonly string[]).includes(s);
}
