import { z } from 'zod';
import { scenarioSchema } from './scenario.js';

/**
 * The JSON Schema committed as scenarios/scenario.schema.json, generated from the
 * same zod schema the validator uses, so editors underline what `bcid validate` rejects.
 * `name` and `extends` are the only keys a scenario that extends another must give;
 * everything else may be inherited, so the editor schema marks nothing else required.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const full = z.toJSONSchema(scenarioSchema, { target: 'draft-07', io: 'input' }) as Record<string, unknown>;
  return {
    ...relaxRequired(full),
    $id: 'https://bcid-aes.local/scenario.schema.json',
    title: 'BCID-AES scenario',
  };
}

/** Deep copy without `required`: a child scenario overrides only what it changes. */
function relaxRequired(node: unknown): Record<string, unknown> {
  if (Array.isArray(node)) return node.map(relaxRequired) as unknown as Record<string, unknown>;
  if (node === null || typeof node !== 'object') return node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'required') continue;
    out[k] = relaxRequired(v);
  }
  return out;
}

export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
