import type { RunResults } from '../model/results.js';
import type { Locale } from './locale.js';
import { limitLabel, mostFrequentLimit } from './reasons.js';
import { reflowCash, totalReflows } from './charts/reflows.js';

/**
 * The executive summary: a handful of figures, each with one sentence computed from
 * the results. Nothing here is hard-coded: when a limit is breached the sentence says
 * so (status `warning`), when it holds it says by how much.
 */
export interface KeyFigure {
  readonly id: 'commitments' | 'projects' | 'capital' | 'equityToLoans' | 'liquidity' | 'debtService' | 'reflows';
  readonly label: string;
  /** The figure itself, formatted, e.g. "1 234,5 Mds FCFA". */
  readonly value: string;
  readonly sentence: string;
  readonly status: 'ok' | 'warning' | 'neutral';
}

/** Tolerance for comparing ratios with their limits (rounding noise in the model). */
const EPS = 1e-9;

function lowerFirst(s: string, locale: Locale): string {
  return s.length === 0 ? s : s.charAt(0).toLocaleLowerCase(locale.tag) + s.slice(1);
}

/** Smallest non-null value of a series with its year (first year on ties). */
function minBy<T>(items: readonly T[], value: (t: T) => number | null): { item: T; value: number } | null {
  let best: { item: T; value: number } | null = null;
  for (const item of items) {
    const v = value(item);
    if (v === null || !Number.isFinite(v)) continue;
    if (best === null || v < best.value) best = { item, value: v };
  }
  return best;
}

function maxBy<T>(items: readonly T[], value: (t: T) => number | null): { item: T; value: number } | null {
  const r = minBy(items, (t) => {
    const v = value(t);
    return v === null ? null : -v;
  });
  return r === null ? null : { item: r.item, value: -r.value };
}

/** Digits for a small percentage: 0.8 % needs one decimal, 0.04 % two. */
function smallPercent(ratio: number, locale: Locale): string {
  return locale.percent(ratio, Math.abs(ratio) < 0.01 ? 2 : 1);
}

/**
 * What the bank commits by the last year of the commitment window
 * (`allocation.lastCommitmentYear`), in millions of FCFA: the first key figure,
 * and the "Committed by" line of `bcid run`'s terminal summary.
 */
export function committedInWindow(results: RunResults): { readonly year: number; readonly amount: number } {
  const year = results.scenario.allocation.lastCommitmentYear;
  const amount = results.allocation
    .filter((r) => r.approved > 0 && r.commitmentYear !== null && r.commitmentYear <= year)
    .reduce((a, r) => a + r.approved, 0);
  return { year, amount };
}

export function keyFigures(results: RunResults, locale: Locale): KeyFigure[] {
  const s = results.scenario;
  const floor = s.policy.equityToLoansFloor;
  const end = s.horizon.end;
  const out: KeyFigure[] = [];

  // 1. What the bank can commit, and whether the E/L floor holds over the whole projection.
  const { year: lastCommit, amount: committed } = committedInWindow(results);
  const firstBreach = results.bank.find((y) => y.equityToLoans !== null && y.equityToLoans < floor - EPS);
  out.push({
    id: 'commitments',
    label: locale.t('kf.commitments.label', { year: locale.year(lastCommit) }),
    value: locale.money(committed),
    sentence: firstBreach
      ? locale.t('kf.commitments.breach', {
          amount: locale.money(committed),
          year: locale.year(lastCommit),
          floor: locale.percent(floor),
          breachYear: locale.year(firstBreach.year),
        })
      : locale.t('kf.commitments.ok', { amount: locale.money(committed), year: locale.year(lastCommit), floor: locale.percent(floor) }),
    status: firstBreach ? 'warning' : 'ok',
  });

  // 2. Projects funded, and the limit that binds most often for the others.
  const total = results.allocation.length;
  const funded = results.allocation.filter((r) => r.approved > 0).length;
  // "For the others": the projects left out entirely; partly funded ones are funded.
  const reason = mostFrequentLimit(results.allocation.filter((r) => r.approved <= 0));
  out.push({
    id: 'projects',
    label: locale.t('kf.projects.label'),
    value: locale.t('kf.projects.value', { funded: locale.integer(funded), total: locale.integer(total) }),
    sentence:
      reason === null
        ? locale.t('kf.projects.all', { total: locale.integer(total) })
        : locale.tn('kf.projects', funded, {
            funded: locale.integer(funded),
            total: locale.integer(total),
            reason: lowerFirst(limitLabel(reason, locale), locale),
          }),
    status: 'neutral',
  });

  // 3. Capital contributed (paid-in and levy, opening balance included) and borrowing raised.
  const last = results.bank.at(-1);
  const equityIn = last?.paidInCapital ?? 0;
  const borrowed = results.bank.reduce((a, y) => a + y.borrowingRaised, 0);
  out.push({
    id: 'capital',
    label: locale.t('kf.capital.label', { year: locale.year(end) }),
    value: locale.money(equityIn),
    sentence:
      borrowed > 0
        ? locale.t('kf.capital.borrow', { equity: locale.money(equityIn), year: locale.year(end), borrowing: locale.money(borrowed) })
        : locale.t('kf.capital.noBorrow', { equity: locale.money(equityIn), year: locale.year(end) }),
    status: 'neutral',
  });

  // 4. Lowest equity-to-loans ratio.
  const minEl = minBy(results.bank, (y) => y.equityToLoans);
  out.push({
    id: 'equityToLoans',
    label: locale.t('kf.equityToLoans.label'),
    value: minEl ? locale.percent(minEl.value, 1) : locale.t('common.notApplicable'),
    sentence: !minEl
      ? locale.t('kf.equityToLoans.none')
      : locale.t(minEl.value < floor - EPS ? 'kf.equityToLoans.breach' : 'kf.equityToLoans.ok', {
          ratio: locale.percent(minEl.value, 1),
          year: locale.year(minEl.item.year),
          floor: locale.percent(floor),
        }),
    status: !minEl ? 'neutral' : minEl.value < floor - EPS ? 'warning' : 'ok',
  });

  // 5. Lowest liquidity coverage.
  const policyMonths = s.policy.liquidityMonths;
  const minLiq = minBy(results.bank, (y) => y.liquidityMonths);
  out.push({
    id: 'liquidity',
    label: locale.t('kf.liquidity.label'),
    value: minLiq ? locale.months(minLiq.value) : locale.t('common.notApplicable'),
    sentence: !minLiq
      ? locale.t('kf.liquidity.none')
      : locale.t(minLiq.value < policyMonths - EPS ? 'kf.liquidity.breach' : 'kf.liquidity.ok', {
          months: locale.months(minLiq.value),
          year: locale.year(minLiq.item.year),
          policy: locale.months(policyMonths, 0),
        }),
    status: !minLiq ? 'neutral' : minLiq.value < policyMonths - EPS ? 'warning' : 'ok',
  });

  // 6. Members' debt service to the bank against the LIC-DSF revenue threshold.
  const breaches = results.members.filter((m) => m.breachesRevenue);
  const worst = breaches.length > 0 ? maxBy(breaches, (m) => m.debtServiceToRevenue) : maxBy(results.members, (m) => m.debtServiceToRevenue);
  if (!worst || worst.value <= 0) {
    out.push({
      id: 'debtService',
      label: locale.t('kf.debtService.label'),
      value: locale.t('common.notApplicable'),
      sentence: locale.t('kf.debtService.none'),
      status: 'neutral',
    });
  } else {
    const m = worst.item;
    const vars = {
      ratio: smallPercent(m.debtServiceToRevenue, locale),
      member: locale.t(`member.${m.member}`),
      year: locale.year(m.year),
      threshold: locale.percent(m.thresholdRevenue),
      share: locale.percent(m.thresholdRevenue > 0 ? m.debtServiceToRevenue / m.thresholdRevenue : 0, 0),
    };
    out.push({
      id: 'debtService',
      label: locale.t('kf.debtService.label'),
      value: vars.ratio,
      sentence: locale.t(breaches.length > 0 ? 'kf.debtService.breach' : 'kf.debtService.ok', vars),
      status: breaches.length > 0 ? 'warning' : 'ok',
    });
  }

  // 7. Reflows received and the peak of loans outstanding.
  const reflows = totalReflows(results).filter((r) => r.year <= end);
  const received = reflows.reduce((a, r) => {
    const c = reflowCash(r);
    return a + c.principal + c.interest + c.fees + c.equity;
  }, 0);
  const peak = maxBy(results.bank, (y) => y.loansOutstanding);
  out.push({
    id: 'reflows',
    label: locale.t('kf.reflows.label', { year: locale.year(end) }),
    value: locale.money(received),
    sentence: locale.t('kf.reflows.sentence', {
      year: locale.year(end),
      total: locale.money(received),
      peak: locale.money(peak?.value ?? 0),
      peakYear: locale.year(peak?.item.year ?? end),
    }),
    status: 'neutral',
  });
  return out;
}
