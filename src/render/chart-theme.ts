/**
 * The one chart theme: the font and every colour the renderer draws with that is
 * not a series colour (those come with the spec, from src/report/charts/palette.ts).
 */
export const CHART_THEME = {
  /** Installed on the build machines; covers Latin and Arabic (docs/stack-notes.md §2). */
  font: 'DejaVu Sans',
  colours: {
    /** Titles, legend, threshold names, value labels. */
    text: '#1a1a1a',
    /** Axis titles and ticks, subtitle, footer. */
    muted: '#4d4d4d',
    grid: '#e3e3e3',
    background: 'white',
    /** Outline that keeps a threshold's name readable over the lines it crosses. */
    halo: 'white',
    /** The quadrant chart's median lines, corner labels and line labels. */
    quadrantLine: '#8c8c8c',
    quadrantCorner: '#9a9a9a',
    quadrantLineLabel: '#6f6f6f',
    /** Project codes next to the bubbles. */
    pointLabel: '#333333',
  },
} as const;

/** The font family of every chart (also the HTML dossier's charts). */
export const FONT_FAMILY = CHART_THEME.font;
