import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/schema/json-schema.js';

const scenariosDir = new URL('../../scenarios/', import.meta.url);

describe('scenario JSON Schema', () => {
  it('is committed exactly as generated from the zod schema (run `npm run schema` to refresh)', () => {
    expect(readFileSync(new URL('scenario.schema.json', scenariosDir), 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('rejects unknown keys at every level, so editors underline typos', () => {
    const schema = scenarioJsonSchema() as { additionalProperties?: boolean; properties: Record<string, { additionalProperties?: unknown }> };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties['policy']?.additionalProperties).toBe(false);
    expect(schema.properties['lending']?.additionalProperties).toBe(false);
  });

  it('is referenced from the first line of every scenario file', () => {
    const files = readdirSync(scenariosDir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const first = readFileSync(new URL(f, scenariosDir), 'utf8').split('\n')[0];
      expect(first, f).toBe('# yaml-language-server: $schema=./scenario.schema.json');
    }
  });
});
