/** The terminal summary of `bcid run` (English): key facts, then the funded list. */
import { capitalSettings } from '../../model/capital/settings.js';
import { heaviestBurden } from '../../model/members/index.js';
import type { MemberYearResult, RunResults } from '../../model/results.js';
import { createLocale } from '../locale.js';
import { MEMBER_CODES } from '../../schema/codes.js';
import { committedInWindow } from '../key-figures.js';
import type { SummarySpec } from '../summary.js';
import { column, type TableSpec } from '../table.js';
import { bn, percent } from './format.js';

type Row = RunResults['allocation'][number];
type Year = RunResults['bank'][number];

const lowest = (rows: readonly Year[], value: (y: Year) => number | null): Year | undefined =>
  rows.filter((b) => value(b) !== null).reduce<Year | undefined>((m, b) => (m === undefined || (value(b) ?? Infinity) < (value(m) ?? Infinity) ? b : m), undefined);

function memberShare(funded: readonly Row[], member: string): number | null {
  const total = funded.reduce((a, r) => a + r.approved, 0);
  if (total === 0) return null;
  return funded.reduce((a, r) => a + r.approved * (r.countries.find((c) => c.member === member)?.share ?? 0), 0) / total;
}

function reasonCounts(rows: readonly Row[]): string {
  const reasons = new Map<string, number>();
  for (const a of rows) if (a.bindingLimit) reasons.set(a.bindingLimit, (reasons.get(a.bindingLimit) ?? 0) + 1);
  return [...reasons].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([r, n]) => `${n} × ${r}`).join(', ');
}

function fundedTable(funded: readonly Row[]): TableSpec {
  return {
    id: 'funded',
    title: 'Funded projects (amounts in bn FCFA)',
    columns: [column('id', 'id', 'text'), column('project', 'project', 'text'), column('members', 'members', 'text'), column('sector', 'sector', 'text'), column('year', 'year', 'year'), column('approved', 'approved', 'money'), column('score', 'score', 'number', null, 3)],
    rows: [...funded]
      .sort((a, b) => (a.commitmentYear ?? 0) - (b.commitmentYear ?? 0) || b.score - a.score)
      .map((a) => [a.projectId, a.name, a.countries.map((c) => c.member).join('+'), a.sector, a.commitmentYear, a.approved / 1000, a.score]),
  };
}

/** "NER 2055: PV of external debt / exports 198.5 %, LIC-DSF threshold 180 % (breached; BCID-AES +0.00 points)": the binding LIC-DSF indicator. */
function burdenText(m: MemberYearResult): string {
  const k = m.bindingIndicator;
  const status = m.breaches[k] ? 'breached; ' : '';
  const increment = `${m.increments[k] >= 0 ? '+' : '−'}${(Math.abs(m.increments[k]) * 100).toFixed(2)} points`;
  return `${m.member} ${m.year}: ${createLocale('en').t(`indicator.${k}`)} ${percent(m[k])}, LIC-DSF threshold ${percent(m.thresholds[k], 0)} (${status}BCID-AES ${increment})`;
}

export function runSummarySpec(results: RunResults): SummarySpec {
  const { scenario, allocation, bank, members, solver, checks } = results;
  const funded = allocation.filter((a) => a.funded);
  const approved = funded.reduce((a, r) => a + r.approved, 0);
  const requested = allocation.reduce((a, r) => a + r.requested, 0);
  const minEl = lowest(bank, (b) => b.equityToLoans);
  const minLiq = lowest(bank, (b) => b.liquidityMonths);
  const minRac = lowest(bank, (b) => b.riskAdjustedCapitalRatio ?? null);
  const sustainable = results.capacity?.sustainableAnnual;
  const peakLoans = bank.reduce((m, b) => (b.loansOutstanding > m.loansOutstanding ? b : m), bank[0]!);
  const peakBorrowing = bank.reduce((m, b) => (b.borrowings > m.borrowings ? b : m), bank[0]!);
  const last = bank[bank.length - 1]!;
  const committed = committedInWindow(results);
  const worstMember = heaviestBurden(members);
  const failed = checks.filter((c) => !c.ok);
  const unfunded = allocation.filter((a) => !a.funded);
  const partly = funded.filter((a) => a.bindingLimit !== null);
  return {
    head: [`BCID-AES — scenario ${scenario.name} (${solver.method}${solver.method === 'optimal' ? `, ${solver.status}, gap ${percent(solver.gap, 2)}` : ''}), horizon ${scenario.horizon.start}–${scenario.horizon.end}`],
    groups: [
      {
        facts: [
          { label: 'Projects funded', value: `${funded.length} of ${allocation.length}; ${bn(approved)} approved of ${bn(requested)} requested` },
          { label: `Committed by ${committed.year}`, value: bn(committed.amount) },
          { label: 'Commitments by member', value: MEMBER_CODES.map((m) => `${m} ${percent(memberShare(funded, m), 0)}`).join(', ') },
          { label: 'Peak loans outstanding', value: `${bn(peakLoans.loansOutstanding)} (${peakLoans.year})` },
          { label: 'Lowest equity/loans', value: minEl ? `${percent(minEl.equityToLoans)} (${minEl.year}); floor ${percent(scenario.policy.equityToLoansFloor, 0)}` : '— (no loans)' },
          ...(sustainable !== undefined
            ? [
                {
                  label: 'Sustainable lending',
                  value: `${bn(sustainable.amount)} a year ${results.capacity!.firstYear}–${results.capacity!.lastYear}${sustainable.bindingLimit !== null ? `; binding: ${sustainable.bindingLimit} in ${sustainable.bindingYear}` : ''}`,
                },
              ]
            : []),
          ...(minRac !== undefined && minRac.riskAdjustedCapitalRatio !== undefined
            ? [{ label: 'Lowest RAC ratio', value: `${percent(minRac.riskAdjustedCapitalRatio)} (${minRac.year}), S&P band ${(minRac.capitalBand ?? '—').replace('-', ' ')}; floor ${percent(capitalSettings(results.scenario).minRiskAdjustedCapital, 0)}` }]
            : []),
          { label: 'Lowest liquidity', value: minLiq ? `${(minLiq.liquidityMonths ?? 0).toFixed(1)} months (${minLiq.year}); policy ${scenario.policy.liquidityMonths} months` : '—' },
          { label: 'Peak market borrowing', value: `${bn(peakBorrowing.borrowings)} (${peakBorrowing.year})` },
          { label: `Equity in ${last.year}`, value: `${bn(last.equity)}; lending headroom ${bn(last.headroom)}` },
          {
            label: 'Heaviest member burden',
            value: worstMember ? burdenText(worstMember) : '—',
          },
          { label: 'Invariant checks', value: failed.length === 0 ? `all ${checks.length} hold` : `${failed.length} FAILED: ${failed.map((c) => c.name).join(', ')}` },
        ],
      },
    ],
    tables: [fundedTable(funded)],
    maxColumnWidth: 44,
    notes:
      unfunded.length + partly.length === 0
        ? []
        : [
            ...(unfunded.length > 0 ? [`Not funded:    ${reasonCounts(unfunded)}`] : []),
            ...(partly.length > 0 ? [`Partly funded: ${reasonCounts(partly)}`] : []),
            '(each reason, with the limit and the amount, in tables/allocation.csv)',
          ],
  };
}
