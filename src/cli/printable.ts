/**
 * Text bound for a terminal, made harmless: control characters (ESC, BEL, C1,
 * DEL…) become visible escapes like `\x1b`, so a project name holding `ESC[2J`
 * or an OSC-8 hyperlink cannot clear the screen or plant a link; bidirectional
 * overrides and zero-width characters become `\u202e`-style escapes, so a name
 * cannot display reversed or hide a character. Tabs, newlines, CRLF line ends
 * (CSV on stdout) and a byte-order mark opening the text are kept.
 */
import { INVISIBLE_CHARACTERS } from '../validate/hidden-characters.js';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)/g;
/** Bidi embeddings, overrides and isolates; zero-width space, joiners, word joiner, BOM (the set `validate` warns about). */
const INVISIBLE = new RegExp(INVISIBLE_CHARACTERS.source, 'g');

function hex(c: string, width: number): string {
  return c.codePointAt(0)!.toString(16).padStart(width, '0');
}

export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${hex(c, 2)}`).replace(INVISIBLE, (c, offset: number) => (offset === 0 && c === '\ufeff' ? c : `\\u${hex(c, 4)}`));
}
