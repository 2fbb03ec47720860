/** A named stress in words, in the report language (src/schema/stress-names.ts). */
import { MEMBER_CODES } from '../../schema/codes.js';
import { parseStress } from '../../schema/stress-names.js';
import type { Locale } from '../locale.js';

export function describeStress(name: string, L: Locale): string {
  const s = parseStress(name);
  if (s === null) return name;
  const member = (m: (typeof MEMBER_CODES)[number]) => L.t(`member.${m}`);
  const from = (text: string, year: number | null) => (year === null ? text : L.t('stress.fromYear', { text, year: L.year(year) }));
  switch (s.kind) {
    case 'overruns':
      return L.t('stress.overruns', { level: s.level.toUpperCase() });
    case 'delays':
      return s.years === 'sector' ? L.t('stress.delaysSector') : L.t('stress.delays', { years: L.integer(s.years) });
    case 'rate-shock':
      return from(L.t('stress.rateShock', { bp: L.integer(s.bp) }), s.fromYear);
    case 'levy-shortfall':
      return from(L.t('stress.levyShortfall', { pct: L.integer(s.pct) }), s.fromYear);
    case 'late-capital':
      return L.t('stress.lateCapital', {
        years: L.integer(s.years),
        members: s.members.length === MEMBER_CODES.length ? L.t('stress.allMembers') : L.list(s.members.map(member)),
      });
    case 'default': {
      const text = s.joint
        ? L.t('stress.jointDefault', { year: L.year(s.year), years: L.integer(s.arrearsYears) })
        : L.t('stress.default', { member: member(s.members[0]!), year: L.year(s.year), years: L.integer(s.arrearsYears) });
      return s.recovery === null ? text : `${text}, ${L.t('stress.recovery', { pct: L.percent(s.recovery) })}`;
    }
    case 'pcs-loss':
      return from(L.t('stress.pcsLoss'), s.fromYear);
    case 'peg-exit': {
      const text = L.t('stress.pegExit', { pct: L.integer(s.pct) });
      return s.year === null ? text : L.t('stress.inYear', { text, year: L.year(s.year) });
    }
    case 'member-growth-shock':
      return L.t('stress.memberGrowthShock', { pct: L.integer(s.pct) });
    case 'member-exports-shock':
      return L.t('stress.memberExportsShock', { pct: L.integer(s.pct) });
    case 'member-depreciation':
      return L.t('stress.memberDepreciation', { pct: L.integer(s.pct) });
    case 'market-closure':
      return L.t('stress.marketClosure', { year: L.year(s.year), years: L.integer(s.years) });
    case 'downgrade':
      return L.t('stress.downgrade', { year: L.year(s.year), bp: L.integer(s.bp) });
    case 'largest-borrower-default': {
      const text = L.t('stress.largestBorrowerDefault', { year: L.year(s.year), years: L.integer(s.arrearsYears) });
      return s.recovery === null ? text : `${text}, ${L.t('stress.recovery', { pct: L.percent(s.recovery) })}`;
    }
  }
}

/** The shocks of a scenario in words, joined; "no shock" for none. */
export function describeStresses(names: readonly string[], L: Locale): string {
  return names.length === 0 ? L.t('stress.none') : names.map((n) => describeStress(n, L)).join(' ; ').replace(/ ; /g, L.lang === 'fr' ? ' ; ' : '; ');
}
