import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { InputData } from '../schema/records.js';

/**
 * Characters that change how a text displays without showing themselves:
 * control characters (ESC starts terminal sequences), bidirectional embeddings,
 * overrides and isolates (a name can display reversed, "Trojan Source"), and
 * zero-width characters (two names that look the same differ). Legitimate in
 * no project id or name; the dossier would carry them to the ministers.
 */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;
export const INVISIBLE_CHARACTERS = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

function codePoints(text: string): string {
  const found = new Set<string>();
  for (const ch of text) {
    if (CONTROL_CHARACTERS.test(ch) || INVISIBLE_CHARACTERS.test(ch)) found.add(`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return [...found].join(', ');
}

/** A warning per project id or name that holds hidden characters (`hidden-characters`). */
export function hiddenCharacterWarnings(inputs: Pick<InputData, 'projects'>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of inputs.projects) {
    for (const [field, value] of [['id', p.id], ['name', p.name]] as const) {
      const found = codePoints(value);
      if (found === '') continue;
      out.push(
        diagnostic({
          ...p.origin,
          severity: 'warning',
          code: 'hidden-characters',
          field,
          found,
          message: `the ${field} of project ${JSON.stringify(p.id).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`)} holds invisible or control characters (${found}) that change how it displays`,
          hint: 'retype the text, or remove the characters listed (an editor showing invisible characters helps)',
        }),
      );
    }
  }
  return out;
}
