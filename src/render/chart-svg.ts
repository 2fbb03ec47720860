/** SVG clean-up: the bytes of an SVG chart depend on the chart only. */

/**
 * Cairo names SVG surfaces, images, glyphs and clip paths with process-wide counters;
 * renumber each kind from 1 in order of appearance so identical charts give identical files.
 */
export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  const counts = new Map<string, number>();
  return svg.replace(/\b(surface|image|pattern|mask|source|clip|glyph|filter)(\d+(?:-\d+)?)\b/g, (m, kind: string) => {
    let id = ids.get(m);
    if (!id) {
      const n = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, n);
      id = `${kind}${n}`;
      ids.set(m, id);
    }
    return id;
  });
}
