/** Text inside a chart: its direction, tick labels, and fitting a line into a width. */
import type { Chart } from 'chart.js';
import type { ValueFormat } from '../report/charts/spec.js';
import type { Locale } from '../report/locale.js';

/** Right-to-left embedding and its end (Unicode bidi explicit formatting characters). */
const RLE = '\u202b';
const PDF = '\u202c';

/**
 * Text for canvas in the chart's direction. Canvas lays text out in a left-to-right
 * paragraph; an RTL embedding makes Arabic text, and the numbers inside it, read
 * right to left as in the HTML (an RLM at both ends is not enough once a number with
 * a percent sign sits mid-sentence).
 */
export function directed(text: string, dir: 'ltr' | 'rtl'): string {
  return dir === 'rtl' && text.length > 0 ? `${RLE}${text}${PDF}` : text;
}

/** Tick label for one value on an axis of the given format. */
export function formatTick(value: number, format: ValueFormat, step: number, L: Locale): string {
  switch (format) {
    case 'money':
      return L.number(value, step > 0 && step < 1 ? 1 : 0);
    case 'percent':
      return L.percent(value, step > 0 && step < 0.01 ? 1 : 0);
    case 'months':
      return L.number(value, step > 0 && step < 1 ? 1 : 0);
    case 'index':
      return L.number(value, 1);
    case 'year':
      return L.year(value);
    case 'number':
      return L.number(value, step > 0 && step < 1 ? 1 : 0);
  }
}

/** Shorten a string with an ellipsis until it fits. */
export function fitText(ctx: Chart['ctx'], text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let t = text;
  while (t.length > 4 && ctx.measureText(`${t}…`).width > max) t = t.slice(0, -1);
  return `${t}…`;
}
