import type { RunResults } from '../../model/results.js';
import { MEMBER_CODES, SECTORS } from '../../schema/codes.js';
import { bn } from '../tables.js';
import type { ChartContext } from './context.js';
import { MEMBER_COLOURS, OKABE_ITO } from './palette.js';
import { CHART_WIDTH, type ChartSpec } from './spec.js';

/** The commitment years shown: the scenario's commitment window, widened to any year with a commitment. */
export function commitmentYears(results: RunResults): number[] {
  const a = results.scenario.allocation;
  let first = a.firstCommitmentYear;
  let last = a.lastCommitmentYear;
  for (const r of results.allocation) {
    if (r.approved > 0 && r.commitmentYear !== null) {
      first = Math.min(first, r.commitmentYear);
      last = Math.max(last, r.commitmentYear);
    }
  }
  const out: number[] = [];
  for (let y = first; y <= last; y++) out.push(y);
  return out;
}

/** Approved amounts split by member (country shares) and commitment year, millions FCFA. */
export function commitmentsByMemberYear(results: RunResults): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>(MEMBER_CODES.map((m) => [m, new Map<number, number>()]));
  for (const r of results.allocation) {
    if (r.approved <= 0 || r.commitmentYear === null) continue;
    for (const c of r.countries) {
      const m = out.get(c.member);
      if (m) m.set(r.commitmentYear, (m.get(r.commitmentYear) ?? 0) + r.approved * c.share);
    }
  }
  return out;
}

/** Commitments per year, stacked by member. */
export function commitmentsByMemberChart(results: RunResults, ctx: ChartContext): ChartSpec {
  const L = ctx.locale;
  const years = commitmentYears(results);
  const byMember = commitmentsByMemberYear(results);
  return {
    id: 'commitments-by-member',
    lang: L.lang,
    dir: L.dir,
    title: L.t('chart.commitmentsMember.title'),
    footer: ctx.footer,
    layout: 'category',
    categories: years.map(String),
    x: { title: L.t('col.commitmentYear'), format: 'year' },
    y: { title: L.t('chart.axis.bnFcfa'), format: 'money', stacked: true, min: 0 },
    series: MEMBER_CODES.map((m) => ({
      kind: 'bar' as const,
      id: m,
      label: L.t(`member.${m}`),
      color: MEMBER_COLOURS[m],
      axis: 'y' as const,
      stack: 'members',
      data: years.map((y) => bn(byMember.get(m)?.get(y) ?? 0)),
    })),
    width: CHART_WIDTH,
    height: 480,
  };
}

/** Total approved per sector over the commitment window, horizontal bars, largest first. */
export function commitmentsBySectorChart(results: RunResults, ctx: ChartContext): ChartSpec {
  const L = ctx.locale;
  const totals = new Map<string, number>();
  for (const r of results.allocation) if (r.approved > 0) totals.set(r.sector, (totals.get(r.sector) ?? 0) + r.approved);
  const sectors = SECTORS.filter((s) => (totals.get(s) ?? 0) > 0).sort(
    (a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || SECTORS.indexOf(a) - SECTORS.indexOf(b),
  );
  const years = commitmentYears(results);
  return {
    id: 'commitments-by-sector',
    lang: L.lang,
    dir: L.dir,
    title: L.t('chart.commitmentsSector.title', { first: String(years[0] ?? ''), last: String(years.at(-1) ?? '') }),
    footer: ctx.footer,
    layout: 'category',
    horizontal: true,
    categories: sectors.map((s) => L.t(`sector.${s}`)),
    x: { title: L.t('col.sector'), format: 'number' },
    y: { title: L.t('chart.axis.bnFcfa'), format: 'money', min: 0 },
    series: [
      {
        kind: 'bar',
        id: 'approved',
        label: L.t('col.approved'),
        color: OKABE_ITO.blue,
        axis: 'y',
        data: sectors.map((s) => bn(totals.get(s) ?? 0)),
      },
    ],
    valueLabels: true,
    width: CHART_WIDTH,
    height: Math.max(360, 120 + 38 * sectors.length),
  };
}
