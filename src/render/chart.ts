/**
 * Draws a `ChartSpec` with Chart.js through chartjs-node-canvas: PNG for screens
 * (drawn at twice the spec's size) and SVG for print. One file per concept:
 * chart-config.ts (the Chart.js configuration), chart-plugins.ts (what bcid draws
 * itself), chart-canvas.ts (the canvas cache and the renderer), chart-svg.ts (SVG
 * clean-up), chart-text.ts (direction, ticks) and chart-theme.ts (font, colours).
 *
 * Notes (docs/stack-notes.md §2):
 * - chartjs-node-canvas loads its own Chart.js (one, shared by every canvas: see
 *   `SharedChartJsCanvas`), so fonts and plugins go through its defaults and the
 *   config's inline `plugins`, never through an imported `Chart`.
 * - Never call this from a worker thread: canvas crashes when a worker exits.
 * - Canvas draws text LTR; Arabic strings are wrapped in an RTL embedding so that
 *   they read right to left (shaping is done by Pango).
 * - SVG text is drawn as outlines; cairo numbers its surfaces with a process-wide
 *   counter, which `normaliseSvg` rewrites so identical specs give identical bytes.
 */
export { createChartRenderer, PNG_SCALE, type ChartRenderer } from './chart-canvas.js';
export { toChartJsConfig } from './chart-config.js';
export { normaliseSvg } from './chart-svg.js';
export { directed, formatTick } from './chart-text.js';
export { CHART_THEME, FONT_FAMILY } from './chart-theme.js';
