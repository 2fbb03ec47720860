import { loadImage } from 'canvas';
import { describe, expect, it } from 'vitest';
import { createChartRenderer, directed, normaliseSvg, PNG_SCALE, toChartJsConfig } from '../../src/render/chart.js';
import { buildCharts, chartContext } from '../../src/report/charts/index.js';
import { createLocale } from '../../src/report/locale.js';
import { makeRunResults } from '../report/fixtures/run-results.js';

const results = makeRunResults();
const specs = (lang: 'fr' | 'ar') => buildCharts(results, chartContext(results, createLocale(lang), 'test'));

/** Share of pixels that are not (nearly) white. */
async function inkRatio(png: Uint8Array): Promise<{ ratio: number; width: number; height: number }> {
  const { createCanvas } = await import('canvas');
  const img = await loadImage(Buffer.from(png));
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const d = ctx.getImageData(0, 0, img.width, img.height).data;
  let ink = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i]! < 200 || d[i + 1]! < 200 || d[i + 2]! < 200) ink++;
  // The top-left corner is opaque white: the background is painted, not transparent.
  expect([d[0], d[1], d[2], d[3]]).toEqual([255, 255, 255, 255]);
  return { ratio: ink / (img.width * img.height), width: img.width, height: img.height };
}

describe('chart renderer', () => {
  const renderer = createChartRenderer();

  it('draws every chart to a non-blank PNG at twice its size', async () => {
    for (const spec of Object.values(specs('fr'))) {
      const png = await renderer.png(spec);
      expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const { ratio, width, height } = await inkRatio(png);
      expect(width).toBe(spec.width * PNG_SCALE);
      expect(height).toBe(spec.height * PNG_SCALE);
      expect(ratio, spec.id).toBeGreaterThan(0.02);
    }
  }, 60_000);

  it('PNG and SVG are byte-identical for the same spec', async () => {
    const spec = specs('fr')['loans-equity'];
    expect(Buffer.compare(Buffer.from(await renderer.png(spec)), Buffer.from(await createChartRenderer().png(spec)))).toBe(0);
    const a = renderer.svg(spec);
    const b = renderer.svg(spec);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    const svg = new TextDecoder().decode(a);
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('<svg');
    expect(svg).not.toMatch(/href="http/);
  });

  it('one chart drawn after others (Chart.js shared by every canvas) gives the same bytes as drawn first', async () => {
    const all = Object.values(specs('fr'));
    const last = all[all.length - 1]!;
    const fresh = createChartRenderer();
    const firstPng = await fresh.png(last);
    const firstSvg = fresh.svg(last);
    for (const spec of [...all, ...Object.values(specs('ar'))]) {
      await fresh.png(spec);
      fresh.svg(spec);
    }
    expect(Buffer.compare(Buffer.from(await fresh.png(last)), Buffer.from(firstPng))).toBe(0);
    expect(Buffer.compare(Buffer.from(fresh.svg(last)), Buffer.from(firstSvg))).toBe(0);
  }, 60_000);

  it('leaves room beyond the largest bar for its value label', () => {
    const spec = specs('fr')['commitments-by-sector'];
    expect(spec.horizontal && spec.valueLabels).toBe(true);
    const scales = (toChartJsConfig(spec, { scale: 1 }).options as { scales: Record<string, { grace?: string }> }).scales;
    expect(scales['x']!.grace).toBe('8%');
    const plain = toChartJsConfig({ ...spec, valueLabels: false }, { scale: 1 }).options as { scales: Record<string, { grace?: string }> };
    expect(plain.scales['x']!.grace).toBeUndefined();
  });

  it('renumbers cairo surfaces, images and glyphs', () => {
    expect(normaliseSvg('<g id="surface57"><use href="#surface57"/></g><g id="surface60"><image id="image9"/><symbol id="glyph3-12"/>')).toBe(
      '<g id="surface1"><use href="#surface1"/></g><g id="surface2"><image id="image1"/><symbol id="glyph1"/>',
    );
  });

  it('SVG is vector: text as outlines, no embedded bitmap', () => {
    const svg = new TextDecoder().decode(renderer.svg(specs('fr')['sources-uses']));
    expect(svg).not.toContain('<image');
    expect(svg).toMatch(/<path/);
  });

  it('Arabic text is given a right-to-left paragraph direction', async () => {
    const spec = specs('ar')['portfolio-reflows'];
    const cfg = toChartJsConfig(spec, { scale: 1 }) as unknown as { options: { plugins: { title: { text: string }; legend: { rtl: boolean } } } };
    expect(cfg.options.plugins.title.text).toBe(directed(spec.title, 'rtl'));
    expect(cfg.options.plugins.title.text.startsWith('\u202b')).toBe(true);
    expect(cfg.options.plugins.legend.rtl).toBe(true);
    expect((await inkRatio(await renderer.png(spec))).ratio).toBeGreaterThan(0.02);
  });

  it('maps horizontal bars to a y index axis with the values on x', () => {
    const cfg = toChartJsConfig(specs('fr')['commitments-by-sector'], { scale: 1 }) as unknown as {
      options: { indexAxis: string; scales: Record<string, { type: string }> };
      data: { datasets: { xAxisID?: string; yAxisID?: string }[] };
    };
    expect(cfg.options.indexAxis).toBe('y');
    expect(cfg.options.scales.y?.type).toBe('category');
    expect(cfg.options.scales.x?.type).toBe('linear');
    expect(cfg.data.datasets[0]).toMatchObject({ xAxisID: 'x', yAxisID: 'y' });
  });
});
