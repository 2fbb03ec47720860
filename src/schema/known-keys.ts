import type { z } from 'zod';

type AnySchema = z.ZodType;
interface Def {
  readonly type: string;
  readonly innerType?: AnySchema;
  readonly shape?: Record<string, AnySchema>;
  readonly keyType?: { readonly options?: readonly string[] };
  readonly element?: AnySchema;
}

function def(schema: AnySchema): Def {
  return (schema as unknown as { def: Def }).def;
}

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (let d = def(s); (d.type === 'optional' || d.type === 'default' || d.type === 'nullable') && d.innerType; d = def(s)) s = d.innerType;
  return s;
}

/** The keys a scenario may hold at `path`, for "did you mean …" suggestions. */
export function knownKeysAt(schema: AnySchema, path: readonly PropertyKey[]): readonly string[] {
  let s = unwrap(schema);
  for (const segment of path) {
    const d = def(s);
    if (d.type === 'object') {
      const shape = (s as unknown as { shape: Record<string, AnySchema> }).shape;
      const next = shape[String(segment)];
      if (next === undefined) return [];
      s = unwrap(next);
    } else if (d.type === 'array' && d.element) s = unwrap(d.element);
    else return [];
  }
  const d = def(s);
  if (d.type === 'object') return Object.keys((s as unknown as { shape: Record<string, AnySchema> }).shape);
  if (d.type === 'record') return d.keyType?.options ?? [];
  return [];
}
