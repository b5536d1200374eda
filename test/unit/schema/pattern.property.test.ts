import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, sequenceMatcher } from '../../../src/schema/pattern.ts';

/** What validation used before the sequence matcher, and still uses outside its subset. */
const reference = (source: string): RegExp => new RegExp(`^(?:${source})$`, 'u');

/** Atoms over a small alphabet, each with characters it matches (to build texts likely to match). */
const ATOMS: Array<{ source: string; members: string[] }> = [
  { source: 'a', members: ['a'] },
  { source: 'b', members: ['b'] },
  { source: '0', members: ['0'] },
  { source: '-', members: ['-'] },
  { source: '\\.', members: ['.'] },
  { source: 'é', members: ['é'] },
  { source: '[ab]', members: ['a', 'b'] },
  { source: '[a-c]', members: ['a', 'b', 'c'] },
  { source: '[0-9]', members: ['0', '5', '9'] },
  { source: '\\d', members: ['0', '5', '9'] },
  { source: '\\w', members: ['a', 'Z', '0', '_'] },
  { source: '[é-ë]', members: ['é', 'ë'] },
  { source: '[\\-a]', members: ['-', 'a'] },
  { source: '[a-]', members: ['a', '-'] },
  { source: '[.b]', members: ['.', 'b'] },
];
const QUANTIFIERS: Array<{ source: string; min: number; max: number }> = [
  { source: '', min: 1, max: 1 },
  { source: '?', min: 0, max: 1 },
  { source: '*', min: 0, max: 4 },
  { source: '+', min: 1, max: 4 },
  { source: '{2}', min: 2, max: 2 },
  { source: '{1,3}', min: 1, max: 3 },
  { source: '{0,}', min: 0, max: 4 },
  { source: '{2,2}', min: 2, max: 2 },
];
const TEXT_CHARS = ['a', 'b', 'c', '0', '5', '9', '-', '.', '_', 'Z', 'é', 'ë', '😀', ' ', '\n'];

const item = fc.record({ atom: fc.constantFrom(...ATOMS), quantifier: fc.constantFrom(...QUANTIFIERS) });
const pattern = fc.record({ items: fc.array(item, { maxLength: 5 }), start: fc.boolean(), end: fc.boolean() });

function sourceOf(p: { items: Array<{ atom: { source: string }; quantifier: { source: string } }>; start: boolean; end: boolean }): string {
  return (p.start ? '^' : '') + p.items.map((i) => i.atom.source + i.quantifier.source).join('') + (p.end ? '$' : '');
}

describe('pattern matching (src/schema/pattern.ts)', () => {
  it('takes the common code and identifier patterns without a RegExp', () => {
    for (const source of ['u[0-9a-f]{8}', '[A-Z]{2}[0-9]{4}', 'ORD-\\d+', 'c[0-9]{2}', '[a-z]+', '^\\d{5}$', '[a-z]+@example\\.com', 'p[0-9]{3}', '[A-Za-z_]\\w*']) {
      expect(sequenceMatcher(source), source).not.toBeNull();
    }
  });

  it('leaves everything outside its subset to the RegExp', () => {
    for (const source of ['(a|b)', 'a|b', '.', 'a.b', '[^a]', '\\s', 'a*a', 'a+b?a', '\\d+?', 'a{2,}?', '😀', '[😀]', '\\p{L}', '\\u0041', '(?:ab)+', '\\bword', 'a{99999999999}']) {
      expect(sequenceMatcher(source), source).toBeNull();
      expect(compilePattern(source)).toBeInstanceOf(RegExp);
    }
  });

  it('answers as the anchored u-flag RegExp on hand-picked texts', () => {
    const cases: Array<[string, string[]]> = [
      ['u[0-9a-f]{8}', ['u2cc09a89', 'u2cc09a8', 'u2cc09a899', 'U2cc09a89', 'u2cc09a8g', '', 'u2cc09a89\n']],
      ['ORD-\\d+', ['ORD-1', 'ORD-', 'ORD-12a', 'ORD-١٢', 'xORD-1']],
      ['[a-z]+@example\\.com', ['ab@example.com', '@example.com', 'ab@exampleXcom', 'ab@example.com ']],
      ['[é-ë]{2}', ['éë', 'ée', 'é', 'éëé', '😀']],
      ['a?b*', ['', 'a', 'b', 'ab', 'abbb', 'ba', 'aab']],
      ['\\w*', ['', 'a_Z9', 'a-b', 'é']],
      ['a\\$', ['a$', 'a']],
      ['^$', ['', 'a']],
    ];
    for (const [source, texts] of cases) {
      const matcher = sequenceMatcher(source);
      expect(matcher, source).not.toBeNull();
      for (const text of texts) expect(matcher!.test(text), `${source} on ${JSON.stringify(text)}`).toBe(reference(source).test(text));
    }
  });

  it('tests ASCII bytes in place, and only a matcher without a RegExp offers it', () => {
    const matcher = sequenceMatcher('u[0-9a-f]{8}')!;
    const bytes = Buffer.from('id,u2cc09a89,u2cc09a8g,u2cc09a8', 'latin1');
    expect(matcher.testAscii?.(bytes, 3, 12)).toBe(true);
    expect(matcher.testAscii?.(bytes, 13, 22)).toBe(false);
    expect(matcher.testAscii?.(bytes, 23, 31)).toBe(false);
    // A byte past ASCII (the caller's promise broken) fails the match instead of reading another atom's row.
    expect(sequenceMatcher('[a-c]+')!.testAscii?.(Uint8Array.of(0x61, 0xe9), 0, 2)).toBe(false);
    expect(sequenceMatcher('.+')).toBeNull();
    expect(compilePattern('.+').testAscii).toBeUndefined();
  });

  it('agrees with the RegExp on random patterns of its subset and random texts', () => {
    let compiled = 0;
    fc.assert(
      fc.property(pattern, fc.array(fc.array(fc.constantFrom(...TEXT_CHARS), { maxLength: 8 }), { maxLength: 6 }), fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), (p, randomTexts, picks) => {
        const source = sourceOf(p);
        const matcher = sequenceMatcher(source);
        if (matcher === null) return;
        compiled++;
        const regex = reference(source);
        // Texts built from the pattern's own atoms (most of them match), then one character changed.
        let k = 0;
        const pick = (): number => picks[k++ % picks.length] + k;
        const built = p.items.map(({ atom, quantifier }) => {
          const count = quantifier.min + (pick() % (quantifier.max - quantifier.min + 1));
          return Array.from({ length: count }, () => atom.members[pick() % atom.members.length]).join('');
        }).join('');
        const changed = built.length === 0 ? 'a' : built.slice(0, pick() % built.length) + TEXT_CHARS[pick() % TEXT_CHARS.length] + built.slice((pick() % built.length) + 1);
        for (const text of [built, changed, built + built, ...randomTexts.map((t) => t.join(''))]) {
          expect(matcher.test(text), `${source} on ${JSON.stringify(text)}`).toBe(regex.test(text));
          // The byte form validation uses for ASCII dictionary entries, inside a larger buffer.
          // eslint-disable-next-line no-control-regex
          if (/^[\x00-\x7f]*$/.test(text)) {
            const bytes = Buffer.from(`~${text}~`, 'latin1');
            expect(matcher.testAscii?.(bytes, 1, 1 + text.length), `${source} on bytes of ${JSON.stringify(text)}`).toBe(regex.test(text));
          }
        }
      }),
      { seed: 20261128, numRuns: 3000 },
    );
    // The property must have exercised the matcher, not only patterns it declines.
    expect(compiled).toBeGreaterThan(500);
  });
});
