/**
 * Generic commitments: what the bank lends after the named projects. One
 * generic commitment per instrument and member, in the mix of the named
 * pipeline's approved amounts (or `capacity.mix`), each with the shape
 * (construction profile and lending terms from `lending`) of the
 * instrument's largest named commitment, booked in one member.
 */
import { INSTRUMENTS, MEMBER_CODES, type Instrument, type MemberCode } from '../../schema/codes.js';
import type { Scenario } from '../../schema/scenario.js';
import { capitalSettings } from '../capital/settings.js';
import { projectRiskWeight } from '../capital/weights.js';
import type { Commitment } from '../portfolio.js';

/** A unit template: amount 1 in (instrument, member), share of every generic franc. */
export interface GenericShape {
  readonly share: number;
  readonly template: Commitment;
}

function normalise<K extends string>(r: Readonly<Record<K, number>>, keys: readonly K[]): Record<K, number> {
  const total = keys.reduce((s, k) => s + r[k], 0);
  return Object.fromEntries(keys.map((k) => [k, total > 0 ? r[k] / total : 1 / keys.length])) as Record<K, number>;
}

/** The generic shapes; empty when the named pipeline has no commitment to take a shape from. */
export function genericShapes(s: Scenario, named: readonly Commitment[]): GenericShape[] {
  const byInstrument: Record<Instrument, number> = { sovereign: 0, 'non-sovereign': 0, equity: 0 };
  const byMember: Record<MemberCode, number> = { MLI: 0, BFA: 0, NER: 0 };
  const largest = new Map<Instrument, Commitment>();
  for (const c of named) {
    if (!(c.amount > 0)) continue;
    byInstrument[c.project.instrument] += c.amount;
    for (const x of c.project.countries) byMember[x.member] += x.share * c.amount;
    const l = largest.get(c.project.instrument);
    if (l === undefined || c.amount > l.amount) largest.set(c.project.instrument, c);
  }
  const inst = normalise(s.capacity?.mix?.instruments ?? byInstrument, INSTRUMENTS);
  const mem = normalise(s.capacity?.mix?.members ?? byMember, MEMBER_CODES);
  const settings = capitalSettings(s);
  const shapes: GenericShape[] = [];
  for (const i of INSTRUMENTS) {
    const t = largest.get(i);
    if (t === undefined || !(inst[i] > 0)) continue;
    for (const m of MEMBER_CODES) {
      if (!(mem[m] > 0)) continue;
      const project = { ...t.project, id: `generic-${i}-${m}`, countries: [{ member: m, share: 1 }] };
      const financing = { ...t.financing, projectId: project.id, riskWeight: projectRiskWeight(project, settings, s.credit.preferredCreditor) };
      shapes.push({ share: inst[i] * mem[m], template: { project, financing, year: 0, amount: 1 } });
    }
  }
  // Shares of instruments without a template go to the others.
  const total = shapes.reduce((a, g) => a + g.share, 0);
  return shapes.map((g) => ({ ...g, share: g.share / total }));
}

export function genericCommitments(shapes: readonly GenericShape[], year: number, amount: number): Commitment[] {
  if (!(amount > 0)) return [];
  return shapes.map((g) => ({ ...g.template, year, amount: amount * g.share }));
}
