import type { MemberDebtPathRow } from './member-debt.js';
import type { SourcePosition } from '../diagnostics/diagnostic.js';
import type { Confidence, DebtCapacity, Instrument, MemberCode, Sector } from './codes.js';

/** Units: every amount is in millions of FCFA (XOF); rates are decimals (0.05 = 5 %). */

export interface CountryShare {
  readonly member: MemberCode;
  /** Share of the BCID-financed part borne by this member; shares of a project sum to 1. */
  readonly share: number;
}

/** A candidate infrastructure project (one row of projects.csv). */
export interface Project {
  readonly id: string;
  readonly name: string;
  readonly countries: readonly CountryShare[];
  /** Non-AES countries crossed; informational only, the bank lends to members. */
  readonly partners: readonly string[];
  readonly sector: Sector;
  readonly instrument: Instrument;
  /** Total project cost, millions FCFA. */
  readonly totalCost: number;
  /** Amount asked of BCID-AES, millions FCFA. */
  readonly bcidRequested: number;
  /** Other financiers, millions FCFA. */
  readonly coFinancing: number;
  readonly earliestStart: number;
  readonly constructionYears: number;
  readonly economicLife: number;
  readonly eirr: number;
  readonly firr: number | null;
  /** Cash flow available for debt service in the first operating year, millions FCFA. */
  readonly cfadsYear1: number | null;
  readonly cfadsGrowth: number | null;
  /** 1 idea … 5 under construction. */
  readonly readiness: number;
  readonly jobs: number;
  readonly populationServed: number;
  /** Regional-integration score, 0–1. */
  readonly integration: number;
  readonly status: string;
  readonly costBasis: 'published' | 'estimate';
  readonly appraisalBasis: 'published' | 'illustrative';
  readonly confidence: Confidence;
  readonly source: string;
  readonly origin: SourcePosition;
}

/** Macro figures of one member in one year (one row of members.csv). */
export interface MemberYear {
  readonly code: MemberCode;
  readonly year: number;
  readonly names: { readonly fr: string; readonly en: string; readonly ar: string };
  readonly debtCapacity: DebtCapacity;
  /** Millions of persons. */
  readonly population: number;
  readonly gdp: number;
  readonly revenue: number;
  readonly exports: number;
  readonly publicDebt: number;
  readonly externalDebt: number;
  readonly confidence: Readonly<Record<'population' | 'gdp' | 'revenue' | 'exports' | 'publicDebt' | 'externalDebt', Confidence>>;
  readonly source: string;
  readonly origin: SourcePosition;
}

/** What one member pays in, or is projected to collect, in one year (contributions.csv). */
export interface Contribution {
  readonly member: MemberCode;
  readonly year: number;
  /** Paid-in capital instalment received that year, millions FCFA. */
  readonly paidIn: number;
  /** Callable capital subscribed that year, millions FCFA. */
  readonly callable: number;
  /** Whole PC-AES levy collected on the member's non-AES imports, millions FCFA. */
  readonly levy: number;
  readonly basis: 'published' | 'estimate';
  readonly source: string;
  readonly origin: SourcePosition;
}

export interface InputData {
  readonly projects: readonly Project[];
  readonly members: readonly MemberYear[];
  readonly contributions: readonly Contribution[];
  /** The analyst's debt paths without BCID-AES (`data.memberDebtPaths`), when the scenario names one. */
  readonly memberDebtPaths?: readonly MemberDebtPathRow[];
}
