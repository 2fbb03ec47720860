/**
 * The named stresses a scenario switches on with `stresses: [...]`, and their
 * grammar. A name is lower-case words and numbers joined by dashes, member
 * codes in capitals; optional parts in brackets:
 *
 *   overruns-p50 | overruns-p80                 reference-class cost overrun by sector
 *   delays-<n>y                                 every project takes n more years to build (1–10)
 *   delays-sector                               reference-class schedule overrun by sector (× Sahel factor)
 *   rate-shock-<bp>[-<year>]                    +bp on the coupon of bonds issued from <year>
 *   levy-shortfall-<pct>[-<year>]               levy receipts −pct % from <year>
 *   late-capital-<MLI|BFA|NER|all>-<n>y         the member pays its paid-in capital n years late
 *   default-<MLI|BFA|NER>-<year>-<n>y[-r<pct>]  sovereign arrears from <year> for n years, then a
 *                                               write-off of LGD = 1 − recovery, the rest rescheduled
 *   joint-default-<year>-<n>y[-r<pct>]          the same for the three members at once
 *   pcs-loss[-<year>]                           preferred-creditor treatment lost: PD and LGD without PCS
 *   peg-exit-<pct>[-<year>]                     the FCFA loses pct % of its EUR value (foreign-currency debt)
 *   member-growth-shock-<pct>                   members' GDP growth −pct points in projection years 2–3
 *   member-exports-shock-<pct>                  members' export growth −pct points in projection years 2–3
 *   member-depreciation-<pct>                   members' external debt × (1 + pct %) in projection year 2
 *   market-closure-<year>-<n>y                  no bond issue at the end of years <year> … <year>+n−1
 *   downgrade-<bp>-<year>                       rating event: +bp funding spread on the bonds issued from <year>
 *   largest-borrower-default-<year>-<n>y[-r<pct>]  default-<M>-… of the member with the largest sovereign
 *                                               exposure at the end of <year>−1 in the central case
 *
 * The member-* stresses are the LIC-DSF standard tests on the members' debt
 * paths (src/shocks/member-macro.ts); they leave the bank's projection unchanged.
 *
 * Without <year>: rate shocks, levy shortfalls and PCS loss apply over the whole
 * horizon; a peg exit happens in the second projected year (the LIC-DSF
 * convention for its one-off depreciation shock). Without r<pct> the recovery
 * is 1 − the scenario's sovereign LGD (with or without PCS at the time).
 *
 * Pure: parsing and formatting only. It lives in schema/ because the scenario
 * schema checks these names; what each stress does is in the transform files
 * of src/shocks/ (shocks → schema, never back).
 */
import { MEMBER_CODES, type MemberCode } from './codes.js';

export type Stress =
  | { readonly kind: 'overruns'; readonly level: 'p50' | 'p80' }
  | { readonly kind: 'delays'; readonly years: number | 'sector' }
  | { readonly kind: 'rate-shock'; readonly bp: number; readonly fromYear: number | null }
  | { readonly kind: 'levy-shortfall'; readonly pct: number; readonly fromYear: number | null }
  | { readonly kind: 'late-capital'; readonly members: readonly MemberCode[]; readonly years: number }
  | {
      readonly kind: 'default';
      readonly members: readonly MemberCode[];
      readonly year: number;
      readonly arrearsYears: number;
      /** Recovery rate 0–1; null = 1 − the scenario's LGD. */
      readonly recovery: number | null;
      readonly joint: boolean;
    }
  | { readonly kind: 'pcs-loss'; readonly fromYear: number | null }
  | { readonly kind: 'peg-exit'; readonly pct: number; readonly year: number | null }
  | { readonly kind: 'member-growth-shock'; readonly pct: number }
  | { readonly kind: 'member-exports-shock'; readonly pct: number }
  | { readonly kind: 'member-depreciation'; readonly pct: number }
  | { readonly kind: 'market-closure'; readonly year: number; readonly years: number }
  | { readonly kind: 'downgrade'; readonly bp: number; readonly year: number }
  | { readonly kind: 'largest-borrower-default'; readonly year: number; readonly arrearsYears: number; readonly recovery: number | null };

export type StressKind = Stress['kind'];

/** One valid name per form, with usual parameters: the list shown when a name is not recognised. */
export const STRESS_EXAMPLES: readonly string[] = [
  'overruns-p50',
  'overruns-p80',
  'delays-2y',
  'delays-sector',
  'rate-shock-200',
  'rate-shock-400',
  'levy-shortfall-30',
  'levy-shortfall-50',
  'late-capital-MLI-3y',
  'default-NER-2030-3y',
  'joint-default-2030-3y',
  'pcs-loss',
  'peg-exit-30',
  'member-growth-shock-3',
  'member-exports-shock-15',
  'member-depreciation-30',
  'market-closure-2030-2y',
  'downgrade-300-2030',
  'largest-borrower-default-2030-3y',
];

/** The forms, as a reader would write them in documentation or a hint. */
export const STRESS_FORMS: readonly string[] = [
  'overruns-p50|p80',
  'delays-<n>y',
  'delays-sector',
  'rate-shock-<bp>[-<year>]',
  'levy-shortfall-<pct>[-<year>]',
  'late-capital-<MLI|BFA|NER|all>-<n>y',
  'default-<MLI|BFA|NER>-<year>-<n>y[-r<pct>]',
  'joint-default-<year>-<n>y[-r<pct>]',
  'pcs-loss[-<year>]',
  'peg-exit-<pct>[-<year>]',
  'member-growth-shock-<pct>',
  'member-exports-shock-<pct>',
  'member-depreciation-<pct>',
  'market-closure-<year>-<n>y',
  'downgrade-<bp>-<year>',
  'largest-borrower-default-<year>-<n>y[-r<pct>]',
];

const YEAR = /^(20\d\d|2100)$/;
const INT = /^\d{1,4}$/;
const YEARS = /^(\d{1,2})y$/;
const RECOVERY = /^r(\d{1,3})$/;

function int(token: string | undefined, min: number, max: number): number | null {
  if (token === undefined || !INT.test(token)) return null;
  const n = Number(token);
  return n >= min && n <= max ? n : null;
}

function year(token: string | undefined): number | null {
  return token !== undefined && YEAR.test(token) ? Number(token) : null;
}

function years(token: string | undefined, min: number, max: number): number | null {
  const m = token === undefined ? null : YEARS.exec(token);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= min && n <= max ? n : null;
}

function member(token: string | undefined): MemberCode | null {
  return token !== undefined && (MEMBER_CODES as readonly string[]).includes(token) ? (token as MemberCode) : null;
}

/** An optional trailing recovery r<pct>: absent → null; present but invalid → undefined. */
function optionalRecovery(rest: readonly string[]): number | null | undefined {
  if (rest.length === 0) return null;
  if (rest.length > 1) return undefined;
  const m = RECOVERY.exec(rest[0]!);
  return m && Number(m[1]) <= 100 ? Number(m[1]) / 100 : undefined;
}

/** An optional trailing year: absent → null; present but not a year → undefined (invalid). */
function optionalYear(rest: readonly string[]): number | null | undefined {
  if (rest.length === 0) return null;
  if (rest.length > 1) return undefined;
  return year(rest[0]) ?? undefined;
}

/** The stress a name stands for, or null when the name is not in the grammar. */
export function parseStress(name: string): Stress | null {
  const t = name.split('-');
  const head = t[0];
  switch (head) {
    case 'overruns':
      return t.length === 2 && (t[1] === 'p50' || t[1] === 'p80') ? { kind: 'overruns', level: t[1] } : null;
    case 'delays': {
      if (t.length !== 2) return null;
      if (t[1] === 'sector') return { kind: 'delays', years: 'sector' };
      const n = years(t[1], 1, 10);
      return n === null ? null : { kind: 'delays', years: n };
    }
    case 'rate': {
      if (t[1] !== 'shock') return null;
      const bp = int(t[2], 1, 2000);
      const from = optionalYear(t.slice(3));
      return bp === null || from === undefined ? null : { kind: 'rate-shock', bp, fromYear: from };
    }
    case 'levy': {
      if (t[1] !== 'shortfall') return null;
      const pct = int(t[2], 1, 100);
      const from = optionalYear(t.slice(3));
      return pct === null || from === undefined ? null : { kind: 'levy-shortfall', pct, fromYear: from };
    }
    case 'late': {
      if (t[1] !== 'capital' || t.length !== 4) return null;
      const who = t[2] === 'all' ? [...MEMBER_CODES] : member(t[2]) ? [member(t[2])!] : null;
      const n = years(t[3], 1, 20);
      return who === null || n === null ? null : { kind: 'late-capital', members: who, years: n };
    }
    case 'default':
    case 'joint': {
      const joint = head === 'joint';
      if (joint && t[1] !== 'default') return null;
      const rest = t.slice(2);
      const one = joint ? null : member(t[1]);
      const who = joint ? [...MEMBER_CODES] : one ? [one] : null;
      if (who === null) return null;
      const y = year(rest[0]);
      const n = years(rest[1], 0, 20);
      if (y === null || n === null || rest.length > 3) return null;
      let recovery: number | null = null;
      if (rest.length === 3) {
        const m = RECOVERY.exec(rest[2]!);
        if (!m || Number(m[1]) > 100) return null;
        recovery = Number(m[1]) / 100;
      }
      return { kind: 'default', members: who, year: y, arrearsYears: n, recovery, joint };
    }
    case 'pcs': {
      if (t[1] !== 'loss') return null;
      const from = optionalYear(t.slice(2));
      return from === undefined ? null : { kind: 'pcs-loss', fromYear: from };
    }
    case 'peg': {
      if (t[1] !== 'exit') return null;
      const pct = int(t[2], 1, 90);
      const y = optionalYear(t.slice(3));
      return pct === null || y === undefined ? null : { kind: 'peg-exit', pct, year: y };
    }
    case 'member': {
      if ((t[1] === 'growth' || t[1] === 'exports') && t[2] === 'shock' && t.length === 4) {
        const pct = int(t[3], 1, 50);
        return pct === null ? null : { kind: t[1] === 'growth' ? 'member-growth-shock' : 'member-exports-shock', pct };
      }
      if (t[1] === 'depreciation' && t.length === 3) {
        const pct = int(t[2], 1, 200);
        return pct === null ? null : { kind: 'member-depreciation', pct };
      }
      return null;
    }
    case 'market': {
      if (t[1] !== 'closure' || t.length !== 4) return null;
      const y = year(t[2]);
      const n = years(t[3], 1, 20);
      return y === null || n === null ? null : { kind: 'market-closure', year: y, years: n };
    }
    case 'downgrade': {
      if (t.length !== 3) return null;
      const bp = int(t[1], 1, 2000);
      const y = year(t[2]);
      return bp === null || y === null ? null : { kind: 'downgrade', bp, year: y };
    }
    case 'largest': {
      if (t[1] !== 'borrower' || t[2] !== 'default') return null;
      const y = year(t[3]);
      const n = years(t[4], 0, 20);
      const recovery = optionalRecovery(t.slice(5));
      return y === null || n === null || recovery === undefined ? null : { kind: 'largest-borrower-default', year: y, arrearsYears: n, recovery };
    }
    default:
      return null;
  }
}

/** The canonical name of a stress (parseStress(formatStress(s)) deep-equals s). */
export function formatStress(s: Stress): string {
  const y = (v: number | null) => (v === null ? '' : `-${v}`);
  switch (s.kind) {
    case 'overruns':
      return `overruns-${s.level}`;
    case 'delays':
      return s.years === 'sector' ? 'delays-sector' : `delays-${s.years}y`;
    case 'rate-shock':
      return `rate-shock-${s.bp}${y(s.fromYear)}`;
    case 'levy-shortfall':
      return `levy-shortfall-${s.pct}${y(s.fromYear)}`;
    case 'late-capital':
      return `late-capital-${s.members.length === MEMBER_CODES.length ? 'all' : s.members.join('')}-${s.years}y`;
    case 'default': {
      const r = s.recovery === null ? '' : `-r${Math.round(s.recovery * 100)}`;
      return s.joint ? `joint-default-${s.year}-${s.arrearsYears}y${r}` : `default-${s.members[0]}-${s.year}-${s.arrearsYears}y${r}`;
    }
    case 'pcs-loss':
      return `pcs-loss${y(s.fromYear)}`;
    case 'peg-exit':
      return `peg-exit-${s.pct}${y(s.year)}`;
    case 'member-growth-shock':
    case 'member-exports-shock':
    case 'member-depreciation':
      return `${s.kind}-${s.pct}`;
    case 'market-closure':
      return `market-closure-${s.year}-${s.years}y`;
    case 'downgrade':
      return `downgrade-${s.bp}-${s.year}`;
    case 'largest-borrower-default':
      return `largest-borrower-default-${s.year}-${s.arrearsYears}y${s.recovery === null ? '' : `-r${Math.round(s.recovery * 100)}`}`;
  }
}

/** Family keywords as written at the start of a name (dash-joined tokens). */
const FAMILIES = ['overruns', 'delays', 'rate-shock', 'levy-shortfall', 'late-capital', 'default', 'joint-default', 'pcs-loss', 'peg-exit', 'member-growth-shock', 'member-exports-shock', 'member-depreciation', 'market-closure', 'downgrade', 'largest-borrower-default'] as const;

/**
 * A valid name close to a mistyped one: the family words corrected (edit
 * distance), member codes put in capitals, the parameters kept. Null when
 * nothing close parses.
 */
export function suggestStress(name: string, maxDistance = 3): string | null {
  const tokens = name.trim().split('-').filter((x) => x !== '');
  let best: { name: string; distance: number } | null = null;
  for (const family of FAMILIES) {
    const words = family.split('-');
    if (tokens.length < words.length) continue;
    const typed = tokens.slice(0, words.length).join('-').toLowerCase();
    const d = distance(typed, family);
    if (d > maxDistance) continue;
    const rest = tokens.slice(words.length).map((x) => (member(x.toUpperCase()) ? x.toUpperCase() : x.toLowerCase()));
    const candidate = [family, ...rest].join('-');
    const parsed = parseStress(candidate);
    if (parsed === null) continue;
    const canonical = formatStress(parsed);
    if (canonical === name) continue;
    if (best === null || d < best.distance) best = { name: canonical, distance: d };
  }
  return best?.name ?? null;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length]!;
}
