import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252 } from '../../src/io/decode.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('decodeText', () => {
  it('reads UTF-8 and drops its BOM', () => {
    const d = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('id;nom\nAES-1;Société\n', 'utf8')]));
    expect(d).toEqual({ text: 'id;nom\nAES-1;Société\n', encoding: 'utf-8', hadBom: true });
  });

  it('reads UTF-8 without a BOM, Arabic names included', () => {
    const text = 'code,name_ar\nMLI,مالي\nNER,النيجر\n';
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8', hadBom: false });
  });

  it('reads Windows-1252 bytes saved by Excel, including 0x80–0x9F (Node 20 decoder bug, nodejs/node#60888)', () => {
    // "Société ; coût 5 € ; l’État ; œuvre … « x »" as French Excel writes it.
    const raw = bytes('Soci', [0xe9], 't', [0xe9], ' ; co', [0xfb], 't 5 ', [0x80], ' ; l', [0x92], [0xc9], 'tat ; ', [0x9c], 'uvre ', [0x85], ' ', [0xab], ' x ', [0xbb]);
    const d = decodeText(raw);
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toBe('Société ; coût 5 € ; l’État ; œuvre … « x »');
    expect(d.text).not.toMatch(/[\u0080-\u009f]/);
  });

  it('maps every byte 0x80–0x9F as the WHATWG Windows-1252 table does', () => {
    const expected = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
    const all = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect(decodeWindows1252(all)).toBe(expected);
  });

  it('reads UTF-16LE with a BOM (Excel "Unicode text")', () => {
    const text = 'member\tyear\tpaid_in\nMLI\t2025\t41666,67\n';
    const d = decodeText(Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]));
    expect(d).toEqual({ text, encoding: 'utf-16le', hadBom: true });
  });

  it('reads UTF-16BE with a BOM', () => {
    const text = 'id,name\nAES-1,Niamey–Dosso\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeText(Uint8Array.from([0xfe, 0xff, ...be]))).toEqual({ text, encoding: 'utf-16be', hadBom: true });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8, never throwing', () => {
    expect(decodeText(Uint8Array.from([0xc3])).encoding).toBe('windows-1252');
    expect(decodeText(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8', hadBom: false });
  });
});
