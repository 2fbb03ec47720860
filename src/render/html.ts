/**
 * The dossier as ONE self-contained HTML file: CSS inline, charts inline as data
 * URIs, no script, no external resource of any kind (a Content-Security-Policy
 * forbids them too), print CSS for A4 with running headers and page numbers.
 *
 * Every string that reaches the page goes through `escapeHtml` (or `cssString` in
 * the stylesheet): project names, scenario names, file paths and descriptions come
 * from user files and must show as text, never as markup.
 */
import type { ChartSpec } from '../report/charts/spec.js';
import type { Block, Dossier, Section } from '../report/dossier.js';
import type { KeyFigure } from '../report/key-figures.js';
import { createLocale, type Locale } from '../report/locale.js';
import { formatCell, headerLabel, isNumericKind, type TableSpec } from '../report/table.js';

export interface ChartImage {
  readonly mime: 'image/png' | 'image/svg+xml';
  readonly bytes: Uint8Array;
}

/** Escape text for HTML element content and double- or single-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Escaped text with acronyms such as BCID-AES, PC-AES or LIC-DSF kept on one line
 * (a line break after their hyphen reads badly in print).
 */
export function text(s: string): string {
  return escapeHtml(s).replace(/\b([A-Z]{2,}(?:-[A-Z]{2,})+)\b/g, '<span class="nb">$1</span>');
}

/** A CSS string literal: quotes, backslashes, line ends and `<` escaped (no way out of `<style>`). */
export function cssString(s: string): string {
  return `"${s.replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

function dataUri(img: ChartImage): string {
  return `data:${img.mime};base64,${Buffer.from(img.bytes).toString('base64')}`;
}

interface Counters {
  figure: number;
  table: number;
}

function tableHtml(table: TableSpec, compact: boolean, L: Locale, label: string, counters: Counters): string {
  counters.table++;
  const numeric = table.columns.map((c) => isNumericKind(c.kind));
  // Codes and hashes must not wrap inside themselves.
  const code = table.columns.map((c) => c.key === 'id' || c.key === 'file');
  const head = table.columns
    .map((c, i) => `<th scope="col"${numeric[i] ? ' class="num"' : ''}>${escapeHtml(headerLabel(c, L))}</th>`)
    .join('');
  const body = table.rows
    .map(
      (r) =>
        `<tr>${table.columns
          .map((c, i) => {
            const cell = escapeHtml(formatCell(r[i] ?? null, c, L));
            return numeric[i] ? `<td class="num">${cell}</td>` : code[i] ? `<td class="code">${cell}</td>` : `<td>${cell}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  const notes = (table.notes ?? []).map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('');
  return `<div class="table-wrap"><table class="data${compact ? ' compact' : ''}" data-table="${escapeHtml(table.id)}">
<caption><span class="label">${escapeHtml(label)} ${counters.table}</span> – ${text(table.title)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table>${notes}</div>`;
}

function chartHtml(chart: ChartSpec, images: ReadonlyMap<string, ChartImage>, label: string, counters: Counters): string {
  counters.figure++;
  const img = images.get(chart.id);
  const notes = (chart.notes ?? []).map((n) => ` <span class="note">${escapeHtml(n)}</span>`).join('');
  const picture = img
    ? `<img src="${dataUri(img)}" width="${chart.width}" height="${chart.height}" alt="${escapeHtml(chart.title)}">`
    : `<div class="missing">${escapeHtml(chart.title)}</div>`;
  return `<figure class="chart" id="chart-${escapeHtml(chart.id)}">
${picture}
<figcaption><span class="label">${escapeHtml(label)} ${counters.figure}</span> – ${text(chart.title)}.${notes}</figcaption>
</figure>`;
}

function keyFiguresHtml(items: readonly KeyFigure[]): string {
  return `<div class="key-figures">
${items
  .map(
    (k) => `<div class="kf kf-${k.status}" id="kf-${escapeHtml(k.id)}">
<div class="kf-label">${text(k.label)}</div>
<div class="kf-value">${escapeHtml(k.value)}</div>
<p class="kf-sentence">${text(k.sentence)}</p>
</div>`,
  )
  .join('\n')}
</div>`;
}

function blockHtml(b: Block, dossier: Dossier, images: ReadonlyMap<string, ChartImage>, L: Locale, counters: Counters): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${text(b.text)}</p>`;
    case 'heading':
      return `<h3>${text(b.text)}</h3>`;
    case 'callout':
      return `<div class="callout callout-${b.tone}"><p>${text(b.text)}</p></div>`;
    case 'keyFigures':
      return keyFiguresHtml(b.items);
    case 'table':
      return tableHtml(b.table, b.compact ?? false, L, dossier.tableLabel, counters);
    case 'chart':
      return chartHtml(b.chart, images, dossier.figureLabel, counters);
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
  }
}

function sectionHtml(s: Section, n: number, dossier: Dossier, images: ReadonlyMap<string, ChartImage>, L: Locale, counters: Counters): string {
  return `<section class="chapter${s.landscape ? ' landscape' : ''}" id="${escapeHtml(s.id)}">
<h2><span class="num">${n}</span> ${escapeHtml(s.title)}</h2>
${s.blocks.map((b) => blockHtml(b, dossier, images, L, counters)).join('\n')}
</section>`;
}

function stylesheet(d: Dossier): string {
  const rtl = d.dir === 'rtl';
  const start = rtl ? 'right' : 'left';
  const end = rtl ? 'left' : 'right';
  const header = cssString(d.runningHeader);
  const date = cssString(d.dateLine);
  const page = cssString(`${d.pageLabel} `);
  const margins = `
  @top-${start} { content: ${header}; font-size: 7.5pt; color: #5a5a5a; }
  @top-${end} { content: ${date}; font-size: 7.5pt; color: #5a5a5a; }
  @bottom-${end} { content: ${page} counter(page) " / " counter(pages); font-size: 7.5pt; color: #5a5a5a; }`;
  return `
@page { size: A4; margin: 20mm 16mm 18mm 16mm; ${margins} }
@page :first { margin: 0; @top-left { content: none; } @top-right { content: none; } @bottom-left { content: none; } @bottom-right { content: none; } }
@page annex { size: A4 landscape; margin: 16mm 14mm 15mm 14mm; ${margins} }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Noto Sans", "Noto Naskh Arabic", "Segoe UI", Tahoma, Arial, sans-serif; color: #1a1a1a; }
body { margin: 0; font-size: 9.5pt; line-height: 1.45; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
p { margin: 0 0 2.2mm; text-align: ${rtl ? 'right' : 'justify'}; hyphens: auto; }
h2 { font-size: 17pt; color: #0b3d63; margin: 0 0 5mm; padding-bottom: 2mm; border-bottom: 1.2pt solid #0b3d63; break-after: avoid; }
h2 .num { display: inline-block; min-width: 9mm; color: #0072B2; }
h3 { font-size: 11.5pt; color: #0b3d63; margin: 6mm 0 2.5mm; break-after: avoid; }
.cover { height: 297mm; display: flex; flex-direction: column; justify-content: space-between; padding: 0; page-break-after: always; break-after: page; }
.cover .band { background: #0b3d63; color: #fff; padding: 24mm 20mm 14mm; }
.cover .band .bank { font-size: 24pt; font-weight: bold; letter-spacing: 0.5pt; }
.cover .band .bank-full { font-size: 10.5pt; margin-top: 2mm; opacity: 0.92; }
.cover .main { padding: 0 20mm; }
.cover h1 { font-size: 27pt; line-height: 1.2; color: #0b3d63; margin: 0 0 5mm; }
.cover .subtitle { font-size: 13.5pt; color: #333; margin: 0 0 12mm; }
.cover .summit { font-size: 12pt; font-weight: bold; color: #0072B2; margin: 0 0 3mm; }
.cover .meta { font-size: 11pt; margin: 0 0 1.5mm; }
.cover .toc { margin-top: 12mm; }
.cover .toc h2 { font-size: 11pt; border: 0; margin: 0 0 2mm; padding: 0; color: #555; }
.cover .toc ol { margin: 0; padding-${start}: 6mm; font-size: 10pt; columns: 2; }
.cover .foot { padding: 0 20mm 16mm; font-size: 8.5pt; color: #444; }
.cover .foot p { text-align: ${start}; margin: 0 0 1.5mm; }
.cover .rule { height: 3mm; background: linear-gradient(to ${end}, #0072B2, #009E73, #E69F00); margin-bottom: 6mm; }
.chapter { break-before: page; }
.chapter.landscape { page: annex; }
.key-figures { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; margin: 4mm 0; }
.kf { border: 0.6pt solid #d0d7de; border-${start}: 2.2mm solid #0072B2; border-radius: 1.5mm; padding: 3mm 4mm; break-inside: avoid; background: #fbfcfd; }
.kf-ok { border-${start}-color: #009E73; }
.kf-warning { border-${start}-color: #D55E00; background: #fff7f2; }
.kf-label { font-size: 8.5pt; color: #555; text-transform: none; }
.kf-value { font-size: 18pt; font-weight: bold; color: #0b3d63; margin: 0.5mm 0 1.5mm; white-space: nowrap; }
.kf-warning .kf-value { color: #b34700; }
.kf-sentence { font-size: 9pt; margin: 0; text-align: ${start}; }
.callout { border-${start}: 1.5mm solid #0072B2; background: #eef5fb; padding: 2.5mm 4mm; margin: 3mm 0; break-inside: avoid; }
.callout-warning { border-color: #D55E00; background: #fff3eb; }
.callout p { margin: 0; }
figure.chart { margin: 4mm 0 5mm; break-inside: avoid; }
figure.chart img { display: block; width: 100%; height: auto; border: 0.4pt solid #e2e2e2; }
figcaption { font-size: 8.5pt; color: #444; margin-top: 1.5mm; }
.label { font-weight: bold; color: #0b3d63; }
.note { color: #666; font-style: italic; }
.table-wrap { margin: 3mm 0 5mm; }
table.data { width: 100%; border-collapse: collapse; font-size: 8pt; line-height: 1.3; }
table.data.compact { font-size: 7.2pt; }
table.data caption { caption-side: top; text-align: ${start}; font-size: 8.8pt; padding-bottom: 1.5mm; color: #222; }
table.data thead { display: table-header-group; }
table.data th { background: #e6eef5; color: #0b3d63; font-weight: bold; text-align: ${start}; vertical-align: bottom; padding: 1.2mm 1.4mm; border-bottom: 0.8pt solid #0b3d63; }
table.data td { padding: 0.9mm 1.4mm; border-bottom: 0.4pt solid #dde3e8; vertical-align: top; overflow-wrap: break-word; }
table.data td.code { white-space: nowrap; }
table[data-table="inputs"] td:last-child { font-family: "DejaVu Sans Mono", monospace; font-size: 6.5pt; overflow-wrap: anywhere; }
table.data tr { break-inside: avoid; }
table.data tbody tr:nth-child(even) td { background: #f7f9fb; }
table.data .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; direction: ltr; unicode-bidi: isolate; }
table.data th.num { text-align: right; white-space: normal; }
.missing { border: 1pt dashed #999; padding: 10mm; text-align: center; color: #666; }
.colophon { font-size: 7.5pt; color: #666; }
.nb { white-space: nowrap; }
@media screen {
  body { background: #eceff2; }
  .cover, .chapter { background: #fff; max-width: 210mm; margin: 0 auto 8mm; box-shadow: 0 0 3mm rgba(0,0,0,0.12); }
  .chapter { padding: 16mm; }
  .chapter.landscape { max-width: 297mm; }
  .cover { height: auto; min-height: 297mm; }
}
`;
}

/**
 * The HTML text of a dossier. `images` maps chart ids to their rendered image; a
 * missing image leaves a labelled placeholder rather than failing.
 */
export function renderDossierHtml(dossier: Dossier, images: ReadonlyMap<string, ChartImage>): string {
  const L = createLocale(dossier.lang);
  const counters: Counters = { figure: 0, table: 0 };
  const toc = dossier.sections.map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`).join('');
  const cover = `<section class="cover">
<div>
<div class="band"><div class="bank">${escapeHtml(L.t('app.bank'))}</div><div class="bank-full">${escapeHtml(L.t('app.bankFull'))}</div></div>
<div class="rule"></div>
<div class="main">
<h1>${escapeHtml(dossier.title)}</h1>
<p class="subtitle">${escapeHtml(dossier.subtitle)}</p>
<p class="summit">${escapeHtml(dossier.summit)}</p>
<p class="meta">${escapeHtml(dossier.scenarioLine)}</p>
<p class="meta">${escapeHtml(dossier.dateLine)}</p>
<nav class="toc"><h2>${escapeHtml(dossier.tocTitle)}</h2><ol>${toc}</ol></nav>
</div>
</div>
<div class="foot">
<p>${escapeHtml(dossier.audience)}</p>
<p>${escapeHtml(dossier.members)} · ${escapeHtml(dossier.units)}</p>
<p class="colophon">${escapeHtml(dossier.colophon)}</p>
</div>
</section>`;
  const body = dossier.sections.map((s, i) => sectionHtml(s, i + 1, dossier, images, L, counters)).join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(dossier.lang)}" dir="${escapeHtml(dossier.dir)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="bcid-aes">
<title>${escapeHtml(dossier.title)} · ${escapeHtml(dossier.scenario)}</title>
<style>${stylesheet(dossier)}</style>
</head>
<body>
${cover}
${body}
</body>
</html>
`;
}
