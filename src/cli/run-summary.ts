import type { MemberYearResult, RunResults } from '../model/results.js';
import { MEMBER_CODES } from '../schema/codes.js';
import { heaviestBurden } from '../model/members/index.js';
import { createLocale } from '../report/locale.js';
import { money, percent, textTable } from './text-table.js';

const bn = (mfcfa: number) => `${money(mfcfa / 1000)} bn FCFA`;

/** "NER 2055: PV of external debt / exports 198.5 %, LIC-DSF threshold 180 % (breached; BCID-AES +0.00 points)". */
function burdenText(m: MemberYearResult): string {
  const k = m.bindingIndicator;
  const status = m.breaches[k] ? 'breached; ' : '';
  const increment = `${m.increments[k] >= 0 ? '+' : '−'}${(Math.abs(m.increments[k]) * 100).toFixed(2)} points`;
  return `${m.member} ${m.year}: ${createLocale('en').t(`indicator.${k}`)} ${percent(m[k])}, LIC-DSF threshold ${percent(m.thresholds[k], 0)} (${status}BCID-AES ${increment})`;
}

/** The terminal summary of `bcid run`: key figures, then the funded list. */
export function runSummary(results: RunResults): string {
  const { scenario, allocation, bank, members, solver, checks } = results;
  const funded = allocation.filter((a) => a.funded);
  const approved = funded.reduce((a, r) => a + r.approved, 0);
  const requested = allocation.reduce((a, r) => a + r.requested, 0);
  const withRatio = bank.filter((b) => b.equityToLoans !== null);
  const minEl = withRatio.reduce<(typeof bank)[number] | undefined>((m, b) => (m === undefined || (b.equityToLoans ?? Infinity) < (m.equityToLoans ?? Infinity) ? b : m), undefined);
  const withLiquidity = bank.filter((b) => b.liquidityMonths !== null);
  const minLiq = withLiquidity.reduce<(typeof bank)[number] | undefined>((m, b) => (m === undefined || (b.liquidityMonths ?? Infinity) < (m.liquidityMonths ?? Infinity) ? b : m), undefined);
  const peakLoans = bank.reduce((m, b) => (b.loansOutstanding > m.loansOutstanding ? b : m), bank[0]!);
  const peakBorrowing = bank.reduce((m, b) => (b.borrowings > m.borrowings ? b : m), bank[0]!);
  const last = bank[bank.length - 1]!;
  const by2030 = funded.filter((a) => (a.commitmentYear ?? Infinity) <= 2030).reduce((s, a) => s + a.approved, 0);
  const worstMember = heaviestBurden(members);
  const failed = checks.filter((c) => !c.ok);

  const lines = [
    `BCID-AES — scenario ${scenario.name} (${solver.method}${solver.method === 'optimal' ? `, ${solver.status}, gap ${percent(solver.gap, 2)}` : ''}), horizon ${scenario.horizon.start}–${scenario.horizon.end}`,
    '',
    `  Projects funded          ${funded.length} of ${allocation.length}; ${bn(approved)} approved of ${bn(requested)} requested`,
    `  Committed by 2030        ${bn(by2030)}`,
    `  Commitments by member    ${MEMBER_CODES.map((m) => `${m} ${percent(memberShare(funded, m), 0)}`).join(', ')}`,
    `  Peak loans outstanding   ${bn(peakLoans.loansOutstanding)} (${peakLoans.year})`,
    `  Lowest equity/loans      ${minEl ? `${percent(minEl.equityToLoans)} (${minEl.year}); floor ${percent(scenario.policy.equityToLoansFloor, 0)}` : '— (no loans)'}`,
    `  Lowest liquidity         ${minLiq ? `${(minLiq.liquidityMonths ?? 0).toFixed(1)} months (${minLiq.year}); policy ${scenario.policy.liquidityMonths} months` : '—'}`,
    `  Peak market borrowing    ${bn(peakBorrowing.borrowings)} (${peakBorrowing.year})`,
    `  ${`Equity in ${last.year}`.padEnd(23)}  ${bn(last.equity)}; lending headroom ${bn(last.headroom)}`,
    `  Heaviest member burden   ${worstMember ? burdenText(worstMember) : '—'}`,
    `  Invariant checks         ${failed.length === 0 ? `all ${checks.length} hold` : `${failed.length} FAILED: ${failed.map((c) => c.name).join(', ')}`}`,
    '',
  ];
  const rows = [...funded]
    .sort((a, b) => (a.commitmentYear ?? 0) - (b.commitmentYear ?? 0) || b.score - a.score)
    .map((a) => [
      a.projectId,
      truncate(a.name, 44),
      a.countries.map((c) => c.member).join('+'),
      a.sector,
      String(a.commitmentYear ?? ''),
      money(a.approved / 1000),
      a.score.toFixed(3),
    ]);
  lines.push('Funded projects (amounts in bn FCFA):');
  lines.push(
    textTable(
      [
        { header: 'id' },
        { header: 'project' },
        { header: 'members' },
        { header: 'sector' },
        { header: 'year', align: 'right' },
        { header: 'approved', align: 'right' },
        { header: 'score', align: 'right' },
      ],
      rows,
    ),
  );
  const count = (rows: typeof allocation) => {
    const reasons = new Map<string, number>();
    for (const a of rows) if (a.bindingLimit) reasons.set(a.bindingLimit, (reasons.get(a.bindingLimit) ?? 0) + 1);
    return [...reasons].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([r, n]) => `${n} × ${r}`).join(', ');
  };
  const unfunded = allocation.filter((a) => !a.funded);
  const partly = funded.filter((a) => a.bindingLimit !== null);
  if (unfunded.length + partly.length > 0) {
    lines.push('');
    if (unfunded.length > 0) lines.push(`Not funded:    ${count(unfunded)}`);
    if (partly.length > 0) lines.push(`Partly funded: ${count(partly)}`);
    lines.push('(each reason, with the limit and the amount, in tables/allocation.csv)');
  }
  return `${lines.join('\n')}\n`;
}

function memberShare(funded: RunResults['allocation'], member: string): number | null {
  const total = funded.reduce((a, r) => a + r.approved, 0);
  if (total === 0) return null;
  return funded.reduce((a, r) => a + r.approved * (r.countries.find((c) => c.member === member)?.share ?? 0), 0) / total;
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
