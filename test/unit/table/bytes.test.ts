import { describe, expect, it } from 'vitest';
import { countLines } from '../../../src/table/bytes.ts';

describe('countLines', () => {
  it('counts the LFs in [from, to) only', () => {
    const buf = Buffer.from('a\nb\r\nc\n\nd\n');
    expect(countLines(buf, 0, buf.length)).toBe(5);
    expect(countLines(buf, 0, 0)).toBe(0);
    expect(countLines(buf, 2, 5)).toBe(1);
    expect(countLines(buf, 2, 4)).toBe(0);
    // An LF past `to` is not counted, nor is one before `from`.
    expect(countLines(buf, 1, 2)).toBe(1);
    expect(countLines(buf, 2, 2)).toBe(0);
    expect(countLines(buf, 9, 7)).toBe(0);
  });

  it('matches a plain count on every range of a random buffer', () => {
    const bytes = Buffer.from(Array.from({ length: 200 }, (_, i) => ((i * 7919) % 13 === 0 ? 10 : 97)));
    for (let from = 0; from <= bytes.length; from += 7) {
      for (let to = from; to <= bytes.length; to += 11) {
        let expected = 0;
        for (let i = from; i < to; i++) if (bytes[i] === 10) expected++;
        expect(countLines(bytes, from, to)).toBe(expected);
      }
    }
  });
});
