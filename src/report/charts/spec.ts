import type { Lang } from '../i18n/index.js';

/**
 * A chart as plain data, built by the report layer and drawn by `render/chart.ts`
 * (Vega-Lite style: checkable, diffable, snapshot-tested). Values are in the
 * presentation unit of their axis: billions of FCFA for `money`, decimals for
 * `percent`, months for `months`, 0–1 for `index`.
 */
export type ValueFormat = 'money' | 'percent' | 'months' | 'index' | 'year' | 'number';

export interface AxisSpec {
  readonly title: string;
  readonly format: ValueFormat;
  readonly min?: number;
  readonly max?: number;
  readonly stacked?: boolean;
  /** Distance between ticks, when the automatic choice would not fall on the maximum. */
  readonly step?: number;
}

export interface BarSeries {
  readonly kind: 'bar';
  readonly id: string;
  readonly label: string;
  readonly data: readonly (number | null)[];
  readonly color: string;
  readonly axis: 'y' | 'y2';
  /** Bars with the same stack id are stacked (positive and negative stacks apart). */
  readonly stack?: string;
}

export interface LineSeries {
  readonly kind: 'line';
  readonly id: string;
  readonly label: string;
  readonly data: readonly (number | null)[];
  readonly color: string;
  readonly axis: 'y' | 'y2';
  /**
   * `threshold`: a policy or framework limit, drawn dashed without points.
   * `band`: an edge of a shaded band (fan charts), drawn without points; with `fill`,
   * the area between it and the series just before it is shaded in that colour.
   */
  readonly role: 'data' | 'threshold' | 'band';
  /** Dash pattern in pixels (thresholds: default [8, 5]; data lines: solid unless given). */
  readonly dash?: readonly number[];
  /** Band only: shade down to the previous series in this colour (CSS colour, may be translucent). */
  readonly fill?: string;
  /** Leave this series out of the legend (the lower edge of a band). */
  readonly hideInLegend?: boolean;
}

export interface BubblePoint {
  readonly x: number;
  readonly y: number;
  /** Radius in pixels (already scaled from the cost). */
  readonly r: number;
  /** Short label drawn next to the bubble (project code). */
  readonly label: string;
  /** Cost in billions of FCFA, the quantity the radius shows. */
  readonly size: number;
}

export interface BubbleSeries {
  readonly kind: 'bubble';
  readonly id: string;
  readonly label: string;
  readonly points: readonly BubblePoint[];
  readonly color: string;
  readonly shape: 'circle' | 'rectRot' | 'triangle';
  /** Filled bubbles vs outlined ones: a second cue besides colour and shape. */
  readonly filled: boolean;
}

export type Series = BarSeries | LineSeries | BubbleSeries;

export interface QuadrantSpec {
  /** Where the vertical and horizontal dividing lines cross (here the medians). */
  readonly x: number;
  readonly y: number;
  readonly lineLabel: string;
  readonly labels: { readonly topRight: string; readonly topLeft: string; readonly bottomRight: string; readonly bottomLeft: string };
}

export interface ChartSpec {
  /** Stable identifier: the file name under charts/. */
  readonly id: string;
  readonly lang: Lang;
  readonly dir: 'ltr' | 'rtl';
  readonly title: string;
  readonly subtitle?: string;
  /** Names the scenario and the data source. */
  readonly footer: string;
  /** Reading notes shown under the chart in the dossier (e.g. a capped axis). */
  readonly notes?: readonly string[];
  /** `category`: x is a list of categories (years, sectors); `scatter`: x is numeric. */
  readonly layout: 'category' | 'scatter';
  /** Bars drawn horizontally (categories on the vertical axis). */
  readonly horizontal?: boolean;
  readonly categories?: readonly string[];
  /** The category (or x) axis; for horizontal bars still the category axis. */
  readonly x: AxisSpec;
  /** The value axis. */
  readonly y: AxisSpec;
  /** A second value axis, on the far side. */
  readonly y2?: AxisSpec;
  readonly series: readonly Series[];
  readonly quadrant?: QuadrantSpec;
  /** Print each bar's value at its end (single-series bar charts). */
  readonly valueLabels?: boolean;
  /** Print the points' labels next to bubbles. */
  readonly pointLabels?: boolean;
  /** Size in CSS pixels; PNGs are drawn at twice this resolution. */
  readonly width: number;
  readonly height: number;
}

export const CHART_WIDTH = 1000;
export const CHART_HEIGHT = 560;
